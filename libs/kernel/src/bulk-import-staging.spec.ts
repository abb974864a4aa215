import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CheckedBatches } from './bulk-import-staging';

describe('CheckedBatches (the records kept between the check and the write)', () => {
  it('gives back each batch as it was kept, in order, from a private folder, encrypted, and removes the folder on close', async () => {
    const kept = await CheckedBatches.open();
    const dir = kept.folder;
    expect(path.dirname(dir)).toBe(os.tmpdir());
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const batches = [0, 2, 3].map((batch) => ({
      batch,
      lines: [batch * 1000 + 2, batch * 1000 + 1001] as [number, number],
      rows: 1000,
      records: Array.from({ length: 1000 }, (_, i) => ({ id: `${batch}-${i}`, name: '欧阳秀英', idNumber: `52058119800505${String(i).padStart(4, '0')}`, amount: 12345678901234567890n, phone: null })),
    }));
    for (const { records, ...batch } of batches) await kept.put(batch, records);
    expect(kept.count).toBe(3);
    const file = fs.readFileSync(path.join(dir, 'checked.bin'));
    expect(file.length).toBeGreaterThan(0);
    // nothing of the records is readable on the disk
    expect(file.includes(Buffer.from('欧阳秀英'))).toBe(false);
    expect(file.includes(Buffer.from('5205811980050500'))).toBe(false);
    const read = [];
    for await (const b of kept.read()) read.push(b);
    expect(read).toEqual(batches);
    await kept.close();
    expect(fs.existsSync(dir)).toBe(false);
    await kept.close();
  });

  it('refuses a batch altered on the disk (authenticated encryption)', async () => {
    const kept = await CheckedBatches.open();
    try {
      await kept.put({ batch: 0, lines: [2, 3], rows: 2 }, [{ id: 'a' }, { id: 'b' }]);
      const file = path.join(kept.folder, 'checked.bin');
      const bytes = fs.readFileSync(file);
      bytes[0] ^= 0xff;
      fs.writeFileSync(file, bytes);
      await expect(kept.read().next()).rejects.toThrow(/authenticate/);
    } finally {
      await kept.close();
    }
  });
});
