import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** One batch of checked records, as the write pass reads it back. */
export interface CheckedBatch {
  batch: number;
  /** The file lines of its first and last rows. */
  lines: [number, number];
  /** Its rows in the file (each produced one record). */
  rows: number;
  records: unknown[];
}

interface Entry {
  batch: number;
  lines: [number, number];
  rows: number;
  offset: number;
  length: number;
  iv: Buffer;
  tag: Buffer;
}

/**
 * The records a file import's check made, kept until its write pass: each batch serialized
 * (`v8.serialize`) and encrypted (AES-256-GCM) into a file of a private temporary folder (mode 0700),
 * under a key that only this process holds, the folder removed when the import ends (`close`). The
 * write pass then writes what the check made instead of reading and checking the file a second time;
 * names and ID numbers on the disk are unreadable once the process is gone, whatever stopped it.
 */
export class CheckedBatches {
  private readonly key = randomBytes(32);
  private readonly entries: Entry[] = [];
  private size = 0;
  private closed = false;

  private constructor(
    /** The private folder holding the file. */
    readonly folder: string,
    private readonly handle: fs.promises.FileHandle,
  ) {}

  static async open(): Promise<CheckedBatches> {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'xz-import-'));
    await fs.promises.chmod(dir, 0o700);
    const handle = await fs.promises.open(path.join(dir, 'checked.bin'), 'w+', 0o600);
    return new CheckedBatches(dir, handle);
  }

  /** Batches kept so far. */
  get count(): number {
    return this.entries.length;
  }

  /** Keeps a checked batch (batches are read back in the order they were kept). */
  async put(batch: Omit<CheckedBatch, 'records'>, records: readonly unknown[]): Promise<void> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(serialize(records)), cipher.final()]);
    await this.handle.write(sealed, 0, sealed.length, this.size);
    this.entries.push({ ...batch, offset: this.size, length: sealed.length, iv, tag: cipher.getAuthTag() });
    this.size += sealed.length;
  }

  /** The batches kept, in order, one in memory at a time. */
  async *read(): AsyncGenerator<CheckedBatch> {
    for (const entry of this.entries) {
      const sealed = Buffer.alloc(entry.length);
      await this.handle.read(sealed, 0, entry.length, entry.offset);
      const decipher = createDecipheriv('aes-256-gcm', this.key, entry.iv);
      decipher.setAuthTag(entry.tag);
      const records = deserialize(Buffer.concat([decipher.update(sealed), decipher.final()])) as unknown[];
      yield { batch: entry.batch, lines: entry.lines, rows: entry.rows, records };
    }
  }

  /** Removes the file and its folder (again: nothing). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close().catch(() => undefined);
    await fs.promises.rm(this.folder, { recursive: true, force: true });
  }
}
