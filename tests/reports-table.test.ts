import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ntm, tempDir, THON_HEADER } from './helpers/cli.js';
import { Spill, withSpill } from '../src/reports/spill.js';

const ANNEX = fixture('ngan-son-2021-thon.csv');
const width = (line: string) => [...line].length;

describe('the terminal table fits the terminal', () => {
  it('80 columns when the width is unknown: names wrapped, each missing criterion cut with …, the list cut with +N more', async () => {
    const r = await ntm(['evaluate', ANNEX]);
    const lines = r.stdout.trimEnd().split('\n');
    // The set line and the summary are prose; every line of the table stays within 80 columns.
    const table = lines.filter((l) => /^[┌│├└]/.test(l));
    expect(table.length).toBeGreaterThan(20);
    expect(Math.max(...table.map(width))).toBe(80);
    expect(r.stdout).toContain('+5 more');
    expect(r.stdout).toMatch(/│ 7\. Cơ sở vật…\s+│\n/);
  });

  it('COLUMNS sets the width; --wide shows every missing criterion with its owner', async () => {
    const narrow = await ntm(['evaluate', ANNEX], { env: { COLUMNS: '100' } });
    expect(
      Math.max(
        ...narrow.stdout
          .split('\n')
          .filter((l) => l.startsWith('┌'))
          .map(width),
      ),
    ).toBe(100);
    const wide = await ntm(['evaluate', ANNEX, '--wide'], { env: { COLUMNS: '200' } });
    expect(wide.stdout).not.toContain('more');
    expect(wide.stdout).toContain('15. An ninh trật tự — Công an huyện');
  });

  it('long names are cut after two lines; survey text cannot drive the terminal', async () => {
    const long = 'Thôn có một cái tên rất dài được viết đầy đủ theo quyết định thành lập của tỉnh';
    const dir = tempDir({
      'x.csv': `${THON_HEADER}\n"${long}",Vân Tùng,${Array(16).fill('1').join(',')}\n"Nà\u001b]8;;http://x\u0007Lạn",Vân Tùng,${Array(16).fill('1').join(',')}\n`,
    });
    const r = await ntm(['evaluate', join(dir, 'x.csv'), '--set', 'bac-kan-thon-2019']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ Thôn có\s+│[^\n]*\n│\s+│ một cái…\s+│/);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('Nà\uFFFD]8;');
  });

  it('--by criterion lists a few units and how many more', async () => {
    const r = await ntm(['evaluate', ANNEX, '--by', 'criterion']);
    expect(r.stdout).toMatch(/│ 7\. Cơ sở vật chất\s+│[^\n]+│ 7\/8\s+│ Cốc Phia \(Cốc Đán\), Khu/);
    expect(r.stdout).toContain('+4 more');
  });
});

describe('the spill keeps report pieces on disk, group by group', () => {
  it('reads each group back in the order written, counts records, and removes its files', async () => {
    let dir = '';
    await withSpill(async (spill) => {
      for (let i = 0; i < 30_000; i++) await spill.writeJson(i % 3 ? 'b' : 'a', { i, name: `Thôn ${i}` });
      await spill.write('text', 'một\n', 1);
      expect(spill.names()).toEqual(['a', 'b', 'text']);
      expect([spill.count('a'), spill.count('b')]).toEqual([10_000, 20_000]);
      const a: number[] = [];
      for await (const r of spill.records<{ i: number }>('a')) a.push(r.i);
      expect(a).toEqual(Array.from({ length: 10_000 }, (_, k) => k * 3));
      let text = '';
      for await (const c of spill.chunks('text')) text += c;
      expect(text).toBe('một\n');
      dir = spill.dir;
      expect(readdirSync(dir).length).toBeGreaterThan(0);
    });
    expect(existsSync(dir)).toBe(false);
  });

  it('is removed when the report fails midway', async () => {
    let made: Spill | undefined;
    await expect(
      withSpill(async (spill) => {
        made = spill;
        for (let i = 0; i < 20_000; i++) await spill.writeJson('a', { i, pad: 'x'.repeat(40) });
        throw new Error('the sink closed');
      }),
    ).rejects.toThrow('the sink closed');
    expect(existsSync(made!.dir)).toBe(false);
  });
});
