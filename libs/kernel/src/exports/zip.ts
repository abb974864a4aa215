import { constants, crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';

interface EntryRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1; // 1980-01-01: the file times carry no information

/**
 * 流式 ZIP a minimal streaming ZIP writer (deflate, data descriptors, no ZIP64: entries and the file
 * stay below 4 GiB): every byte goes to `out` as soon as it is compressed, nothing is buffered
 * beyond one deflate window. Enough for XLSX (Office Open XML) packages.
 */
export class StreamingZip {
  private offset = 0;
  private readonly entries: EntryRecord[] = [];

  /** `out` receives each piece of the file and resolves when it may take more (backpressure). */
  constructor(private readonly out: (chunk: Buffer) => Promise<void>) {}

  private async emit(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    await this.out(chunk);
  }

  /** Starts an entry; write its content with `write`, flush with `flush`, finish with `close`. */
  async open(name: string): Promise<ZipEntryWriter> {
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0808, 6); // data descriptor follows (bit 3), UTF-8 names (bit 11)
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_DATE_1980, 12);
    // crc and sizes stay 0: they follow the data in its descriptor
    header.writeUInt16LE(nameBytes.length, 26);
    const record: EntryRecord = { name: nameBytes, crc: 0, compressed: 0, size: 0, offset: this.offset };
    await this.emit(Buffer.concat([header, nameBytes]));
    return new ZipEntryWriter(record, (chunk) => this.emit(chunk), (r) => this.finishEntry(r));
  }

  /** Writes a whole (small) entry at once. */
  async add(name: string, content: string): Promise<void> {
    const entry = await this.open(name);
    await entry.write(content);
    await entry.close();
  }

  private async finishEntry(record: EntryRecord): Promise<void> {
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(record.crc >>> 0, 4);
    descriptor.writeUInt32LE(record.compressed, 8);
    descriptor.writeUInt32LE(record.size, 12);
    await this.emit(descriptor);
    this.entries.push(record);
  }

  /** Writes the central directory; the file is complete afterwards. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(0, 12);
      h.writeUInt16LE(DOS_DATE_1980, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.emit(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
  }
}

/** The content of one ZIP entry, deflated as it is written. */
export class ZipEntryWriter {
  private readonly deflate: DeflateRaw = createDeflateRaw({ level: 6 });
  private pending: Buffer[] = [];

  constructor(
    private readonly record: EntryRecord,
    private readonly emit: (chunk: Buffer) => Promise<void>,
    private readonly done: (record: EntryRecord) => Promise<void>,
  ) {
    this.deflate.on('data', (chunk: Buffer) => this.pending.push(chunk));
  }

  private async drain(): Promise<void> {
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) {
      this.record.compressed += chunk.length;
      await this.emit(chunk);
    }
  }

  /** Adds text to the entry (compressed output is passed on at the next `flush` or `close`). */
  async write(text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    this.record.size += bytes.length;
    this.record.crc = crc32(bytes, this.record.crc);
    if (!this.deflate.write(bytes)) await new Promise<void>((resolve) => this.deflate.once('drain', resolve));
    await this.drain();
  }

  /** Sends everything written so far (a sync flush), so the reader receives it now. */
  async flush(): Promise<void> {
    await new Promise<void>((resolve) => this.deflate.flush(constants.Z_SYNC_FLUSH, () => resolve()));
    await this.drain();
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.deflate.once('end', resolve);
      this.deflate.once('error', reject);
      this.deflate.end();
    });
    await this.drain();
    await this.done(this.record);
  }
}
