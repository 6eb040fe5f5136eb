import { describe, expect, it } from 'vitest';
import { withSpill, type Spill } from '../src/reports/spill.js';

const text = async (spill: Spill, group: string) => {
  const chunks: Buffer[] = [];
  for await (const chunk of spill.chunks(group)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
};

describe('the spill of report pieces that wait for a later place', () => {
  it('gives back each group as written, in order, a piece longer than its buffer included', async () => {
    const long = 'Thôn Nà Lạn, '.repeat(30_000);
    await withSpill(async (spill) => {
      await spill.write('first', long);
      await spill.write('later', 'a');
      await spill.write('later', long);
      await spill.write('later', 'b');
      expect(await text(spill, 'first')).toBe(long);
      expect(await text(spill, 'later')).toBe(`a${long}b`);
      expect(spill.count('later')).toBe(3);
    });
  });

  it('reads back JSON lines kept in memory and spilled to the file alike', async () => {
    await withSpill(async (spill) => {
      const records = Array.from({ length: 20_000 }, (_, i) => ({ name: `Thôn ${i}`, parent: 'Xã Vân Tùng' }));
      for (const r of records) await spill.writeJson('units', r);
      await spill.writeJson('few', records[0]);
      const back: unknown[] = [];
      for await (const r of spill.records('units')) back.push(r);
      expect(back).toEqual(records);
      const few: unknown[] = [];
      for await (const r of spill.records('few')) few.push(r);
      expect(few).toEqual([records[0]]);
    });
  });
});
