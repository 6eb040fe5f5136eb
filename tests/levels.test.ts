// Levels in one run (--set A,B,…): each unit judged against each set in order, the highest level
// reached and the gaps to the next, in every format.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, ntm, tempDir } from './helpers/cli.js';
import { readCsv, readXlsx, sheetRows } from './reports-helpers.js';

const L = (name: string) => join('tests/levels', name);
// Test sets: an "NTM" commune set and its "advanced" level, with higher (made-up) thresholds.
const RUN = ['evaluate', L('xa-2024.csv'), '--sets', L('sets'), '--set', 'thu-xa-ntm,thu-xa-nang-cao'];

describe('--set A,B,…: the highest level reached', () => {
  it('JSON: per unit the level reached, the verdict under each set and the gaps to the next', async () => {
    const r = await ntm([...RUN, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = json(r);
    const levels = Object.fromEntries(doc.units.map((u: { name: string; levels: unknown }) => [u.name, u.levels]));
    expect(levels['Ngọc Thiện']).toEqual({
      reached: 'thu-xa-nang-cao',
      sets: [
        { set: 'thu-xa-ntm', status: 'meets', met: 2, total: 2 },
        { set: 'thu-xa-nang-cao', status: 'meets', met: 2, total: 2 },
      ],
      next: null,
    });
    // Meets NTM; the advanced level asks 54 million of income, and the unit has 50.
    expect(levels['Liên Chung'].reached).toBe('thu-xa-ntm');
    expect(levels['Liên Chung'].next).toEqual({
      set: 'thu-xa-nang-cao',
      gaps: [expect.objectContaining({ indicator: '2.1', value: 50, required: 54, shortfall: 4 })],
    });
    // Below NTM: the next level is the first set, whose gaps are the unit's own (not repeated).
    expect(levels['Phúc Sơn']).toMatchObject({ reached: null, next: { set: 'thu-xa-ntm' } });
    expect(levels['Phúc Sơn'].next.gaps).toBeUndefined();
    expect(doc.summary.levels).toEqual([
      { set: 'thu-xa-ntm', units: 2 },
      { set: 'thu-xa-nang-cao', units: 1 },
      { set: null, units: 1 },
    ]);
  });

  it('JSONL: each unit line carries its levels, the last line the counts per level', async () => {
    const lines = (await ntm([...RUN, '--format', 'jsonl'])).stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.slice(1, -1).map((u) => u.levels.reached)).toEqual([
      'thu-xa-nang-cao',
      'thu-xa-ntm',
      'thu-xa-ntm',
      null,
    ]);
    expect(lines.at(-1).summary.levels).toHaveLength(3);
  });

  it('Markdown: the level in the annex, the gaps to the next level named by their set, the counts', async () => {
    const r = await ntm([...RUN, '--format', 'markdown']);
    expect(r.stdout).toContain('| Criteria met | Level reached |');
    expect(r.stdout).toContain('| 2 | Liên Chung | Tân Yên | 1 | 1 | 2 | thu-xa-ntm |');
    const gap = /\| Liên Chung \| Tân Yên \| thu-xa-nang-cao: 2\. Thu nhập \| 2\.1 [^|]*\| 50 [^|]*\| ≥ 54 /;
    expect(r.stdout).toMatch(gap);
    expect(r.stdout).toContain('| thu-xa-nang-cao — Bộ tiêu chí xã nông thôn mới nâng cao (dữ liệu thử) | 1 |');
    expect(r.stdout).toContain('| none | 1 |');
  });

  it('the terminal table: the level under the status, what the next level asks, the counts', async () => {
    const r = await ntm([...RUN, '--wide'], { env: { COLUMNS: '200' } });
    expect(r.stdout).toContain('Level reached: thu-xa-ntm');
    expect(r.stdout).toContain('thu-xa-nang-cao: 2. Thu nhập');
    expect(r.stdout).toContain('Units by highest level reached');
  });

  it('CSV: the gaps to the next level are rows of their own, their kind naming the set', async () => {
    const rows = readCsv((await ntm([...RUN, '--format', 'csv'])).stdout);
    const row = ['Liên Chung', '2.1', 'Not met (thu-xa-nang-cao)', '50 triệu đồng/người/năm'];
    expect(rows).toContainEqual(expect.arrayContaining(row));
  });

  it('HTML and XLSX: the level reached beside each unit', async () => {
    const html = (await ntm([...RUN, '--format', 'html'])).stdout;
    expect(html).toContain('<th>Level reached</th>');
    expect(html).toMatch(/Ngọc Thiện<\/td>.*<td>thu-xa-nang-cao<\/td><\/tr>/);
    const out = join(tempDir(), 'levels.xlsx');
    await ntm([...RUN, '-o', out]);
    const annex = sheetRows((await readXlsx(out)).getWorksheet('Annex')!);
    expect(annex).toContainEqual([4, 'Phúc Sơn', 'Tân Yên', null, 1, 1, '—']);
  });

  it('NTM then advanced on a commune survey of criterion marks (the national sets of 2021)', async () => {
    const marks = (last: string) => [...Array(18).fill('Đạt'), last].join(',');
    const head = `Tên xã,Huyện,${Array.from({ length: 19 }, (_, i) => `TC${i + 1}`).join(',')}`;
    const rows = `Ngọc Thiện,Tân Yên,${marks('Đạt')}\nCao Xá,Tân Yên,${marks('Không đạt')}\n`;
    const dir = tempDir({ 'xa.csv': `${head}\n${rows}` });
    const args = ['evaluate', join(dir, 'xa.csv'), '--set', 'quoc-gia-xa-2021,quoc-gia-xa-nang-cao-2021'];
    const doc = json(await ntm([...args, '--format', 'json']));
    expect(doc.units.map((u: { levels: { reached: string | null } }) => u.levels.reached)).toEqual([
      'quoc-gia-xa-nang-cao-2021',
      null,
    ]);
  });

  it('a file a further set cannot read stops the run, saying which set; standard input is refused', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,Huyện,1.1 Tỷ lệ hộ sử dụng điện an toàn\nA,H,99%\n' });
    const sets = ['--sets', L('sets'), '--set', 'thu-xa-ntm,bac-kan-thon-2019'];
    const r = await ntm(['evaluate', join(dir, 'xa.csv'), ...sets]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: this file cannot be read for set "bac-kan-thon-2019" of the --set list');
    const stdin = await ntm([...RUN.slice(0, 1), '-', ...RUN.slice(2)], { input: 'Tên xã\nA\n' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('with several sets (--set A,B,…) the file is read once per set');
  });
});
