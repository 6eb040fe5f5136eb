import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, ntm, tempDir } from './helpers/cli.js';
import { DATE_ENV, readCsv, readXlsx, sheetRows } from './reports-helpers.js';

// Two communes' village sheets, as the shell expands thon-*.csv.
const header = 'Tên thôn,Tên xã,' + Array.from({ length: 16 }, (_, i) => String(i + 1)).join(',');
const all = Array(16).fill('1').join(',');
const some = [...Array(10).fill('1'), ...Array(6).fill('')].join(',');
const dir = tempDir({
  'thon-van-tung.csv': `${header}\nNà Lạn,Vân Tùng,${all}\nPác Cáp,Vân Tùng,${all}\n`,
  'thon-bang-van.csv': `${header}\nKhuổi Sáp,Bằng Vân,${all}\nNà Lẹng,Bằng Vân,${some}\nKhu Chợ 1,Bằng Vân,${some}\n`,
});
const A = join(dir, 'thon-van-tung.csv');
const B = join(dir, 'thon-bang-van.csv');
const run = (args: string[]) =>
  ntm(['evaluate', A, B, '--set', 'bac-kan-thon-2019', ...args], { env: { ...DATE_ENV, COLUMNS: '300' } });

describe('ntm evaluate a.csv b.csv: one run, every file', () => {
  it('exit code covers all files: 0 when every unit of every file meets, 1 when one unit of one file does not', async () => {
    expect((await ntm(['evaluate', A, '--set', 'bac-kan-thon-2019', '-q'])).code).toBe(0);
    const r = await run(['-q']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'Units evaluated: 5; Meeting the standard: 3; Average criteria met: 13.6/16; Criterion verdicts resting on: verified 0 · secondary source 0 · by mark 80\n',
    );
    expect((await ntm(['evaluate', B, A, '--set', 'bac-kan-thon-2019', '-q'])).code).toBe(1);
  });

  it('table: a file column, and a summary per file', async () => {
    const r = await run([]);
    expect(r.stdout).toMatch(/│ 4\s+│ Nà Lẹng\s+│ Bằng Vân\s+│ \S*thon-bang-van\.csv\s*│ 10\/16\s+│ Does not meet/);
    expect(r.stdout).toContain(`  ${A}: 2 units, 2 meeting the standard, 16/16`);
    expect(r.stdout).toContain(`  ${B}: 3 units, 1 meeting the standard, 12/16`);
    const byOwner = await run(['--by', 'owner']);
    expect(byOwner.stdout).toMatch(/│ Village\s+│ Commune\s+│ File\s+│ Criterion/);
  });

  it('json: each unit names its file; one summary per file and one across all', async () => {
    const out = json(await run(['--format', 'json']));
    expect(out.units.map((u: { name: string; file: string }) => [u.name, u.file])).toEqual([
      ['Nà Lạn', A],
      ['Pác Cáp', A],
      ['Khuổi Sáp', B],
      ['Nà Lẹng', B],
      ['Khu Chợ 1', B],
    ]);
    expect(out.files).toEqual([
      { file: A, units: 2, summary: expect.objectContaining({ units: 2, meeting: 2 }) },
      { file: B, units: 3, summary: expect.objectContaining({ units: 3, meeting: 1 }) },
    ]);
    expect(out.summary).toMatchObject({ units: 5, meeting: 3 });
  });

  it('csv, markdown, xlsx: the file of each unit and the per-file summaries', async () => {
    const [, ...rows] = readCsv((await run(['--format', 'csv'])).stdout);
    expect(new Set(rows.map((r) => `${r[0]}|${r[2]}`))).toEqual(new Set([`Nà Lẹng|${B}`, `Khu Chợ 1|${B}`]));
    const md = (await run(['--format', 'markdown'])).stdout;
    expect(md).toContain('| Criteria met | File |');
    expect(md).toContain(
      `| 1 | Nà Lạn | Vân Tùng | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 1 | 16 | ${A} |`,
    );
    expect(md).toContain(
      `### By file\n\n- ${A}: 2 units, 2 meeting the standard, 16/16\n- ${B}: 3 units, 1 meeting the standard, 12/16\n`,
    );
    expect(md).toContain(`| Nà Lẹng | Bằng Vân | ${B} | 11. Văn hóa |`);
    const out = join(tempDir(), 'r.xlsx');
    await run(['-o', out]);
    const wb = await readXlsx(out);
    const annex = sheetRows(wb.getWorksheet('Annex')!);
    expect(annex[3]!.at(-1)).toBe('File');
    expect(annex[8]).toEqual([4, 'Nà Lẹng', 'Bằng Vân', ...Array(10).fill(1), ...Array(6).fill(null), 10, B]);
    expect(sheetRows(wb.getWorksheet('Gaps')!)[0]).toContain('File');
    expect(sheetRows(wb.getWorksheet('Summary')!)).toContainEqual([B, `${B}: 3 units, 1 meeting the standard, 12/16`]);
  });
});
