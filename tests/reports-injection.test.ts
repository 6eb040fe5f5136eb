import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, neutralise } from '../src/reports/spreadsheet-safety.js';
import { fixture, ntm, tempDir } from './helpers/cli.js';
import { readCsv, readXlsx, sheetRows } from './reports-helpers.js';

// Villages and communes named like formulas (OWASP CSV injection): =HYPERLINK, +cmd, -1+2, @SUM, =1+1.
const SURVEY = fixture('reports/injection-thon.csv');
const args = ['evaluate', SURVEY, '--set', 'bac-kan-thon-2019'];
const risky = /^[=+\-@\t\r]/;

describe('spreadsheet safety: no survey text becomes a formula', () => {
  it('neutralises every text that begins with = + - @, a tab or a carriage return, and nothing else', () => {
    expect(['=1+1', '+cmd', '-1+2', '@SUM(A1)', '\tx', '\rx'].map(neutralise)).toEqual([
      "'=1+1",
      "'+cmd",
      "'-1+2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(['Nà Y', '80,5 %', '≤ 6 %', '', "'already"].map(neutralise)).toEqual([
      'Nà Y',
      '80,5 %',
      '≤ 6 %',
      '',
      "'already",
    ]);
  });

  it('a CSV line reads back as its cells, text neutralised, whatever quotes, commas and line breaks they hold', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'ab ,"\r\n=+-@\tđ\uFF1D') }),
      fc.integer({ min: -1000, max: 1000 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (row) => {
        const line = csvLine(row);
        expect(line.endsWith('\r\n')).toBe(true);
        const back = parse(line, { record_delimiter: '\r\n', relax_column_count: true }) as string[][];
        expect(back).toEqual([row.map((v) => (typeof v === 'string' ? neutralise(v) : String(v)))]);
      }),
    );
    expect(csvLine(['Nà "Y"', 'a,b', 3, '=1'])).toBe(`"Nà ""Y""","a,b",3,'=1\r\n`);
  });

  it('CSV: unit names and parents are prefixed with a quote', async () => {
    const r = await ntm([...args, '--format', 'csv']);
    const rows = readCsv(r.stdout);
    expect(new Set(rows.slice(1).map((row) => `${row[0]} | ${row[1]}`))).toEqual(
      new Set(['\'=HYPERLINK("http://x","y") | Vân Tùng', "'-1+2 | Tab", "'@SUM(A1) | '=1+1"]),
    );
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(risky);
  });

  it('CSV --by criterion: the list of units that starts with a formula-like name is neutralised', async () => {
    const rows = readCsv((await ntm([...args, '--format', 'csv', '--by', 'criterion'])).stdout);
    expect(rows.find((row) => row[0] === '9')![5]).toBe("'-1+2 (Tab); @SUM(A1) (=1+1)");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(risky);
  });

  it('XLSX: every text cell of every sheet is neutralised; numbers stay numbers', async () => {
    const out = join(tempDir(), 'x.xlsx');
    await ntm([...args, '-o', out, '--by', 'owner']);
    const wb = await readXlsx(out);
    const annex = sheetRows(wb.getWorksheet('Annex')!);
    expect(annex.slice(5).map((row) => row.slice(0, 3))).toEqual([
      [1, '\'=HYPERLINK("http://x","y")', 'Vân Tùng'],
      [2, "'+cmd", "'@Xã"],
      [3, "'-1+2", 'Tab'],
      [4, "'@SUM(A1)", "'=1+1"],
    ]);
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(risky);
        }),
      );
    }
  });

  it('values from the survey too: a negative rate never reaches the gap list (it is refused), a risky name is neutralised', async () => {
    const [head, row] = readFileSync(fixture('reports/bac-kan-xa-2020-values.csv'), 'utf8').split('\n');
    const negative = tempDir({ 'xa.csv': `${head}\n${row!.replace('"99,6%"', '"-3%"')}\n` });
    const refused = await ntm(['evaluate', join(negative, 'xa.csv'), '--set', 'bac-kan-xa-2017', '--format', 'csv']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    const dir = tempDir({
      'xa.csv': `${head}\n${row!.replace('Vân Tùng', '-Vân Tùng').replace('"99,6%"', '"93%"')}\n`,
    });
    const r = await ntm(['evaluate', join(dir, 'xa.csv'), '--set', 'bac-kan-xa-2017', '--format', 'csv']);
    const rows = readCsv(r.stdout);
    expect(rows.find((x) => x[5] === '4.2')).toEqual(expect.arrayContaining(["'-Vân Tùng", '93 %']));
    for (const x of rows) for (const cell of x) expect(cell).not.toMatch(risky);
  });
});

describe('spreadsheet safety: a name with a line break', () => {
  // Alt+Enter in an Excel cell: "Thôn Z" then a line that is a formula; the commune holds a bare CR.
  const BROKEN = fixture('reports/line-break-thon.csv');
  const NAME = "Thôn Z\n'=cmd|' /C calc'!A0";
  const PARENT = "Vân Tùng\r'-2+3";

  it('CSV: the field is quoted and every line of it neutralised, so no row starts with the formula', async () => {
    const r = await ntm(['evaluate', BROKEN, '--set', 'bac-kan-thon-2019', '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`"${NAME}","${PARENT}",`);
    for (const line of r.stdout.split(/\r\n|\n|\r/)) expect(line).not.toMatch(risky);
    const rows = readCsv(r.stdout);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 2)).toEqual([NAME, PARENT]);
  });

  it('XLSX: every line of the cell neutralised', async () => {
    const out = join(tempDir(), 'x.xlsx');
    await ntm(['evaluate', BROKEN, '--set', 'bac-kan-thon-2019', '-o', out]);
    const annex = sheetRows((await readXlsx(out)).getWorksheet('Annex')!);
    // XML turns a bare CR into a LF when read, as Excel reads it too.
    expect(annex[5]!.slice(1, 3)).toEqual([NAME, PARENT.replace('\r', '\n')]);
  });
});

describe("spreadsheet safety: ntm's own words are written plainly", () => {
  // Indicator 4.1 of the test set requires "Yes" (an unverified threshold, hence the *).
  const survey = tempDir({ 'xa.csv': 'Tên xã,Huyện,4.1 Có nhà văn hóa xã\nBằng Vân,Ngân Sơn,Không\n' });
  const args = ['evaluate', join(survey, 'xa.csv'), '--set', 'fixtures/sets/kiem-thu-xa.yaml'];

  it('CSV and XLSX: the requirement of a yes/no indicator is "Yes *", not a quoted formula', async () => {
    const rows = readCsv((await ntm([...args, '--format', 'csv'])).stdout);
    expect(rows.find((x) => x[0] === 'Bằng Vân' && x[5] === '4.1')!.slice(8, 10)).toEqual(['No', 'Yes *']);
    const out = join(tempDir(), 'x.xlsx');
    await ntm([...args, '-o', out]);
    const gaps = sheetRows((await readXlsx(out)).getWorksheet('Gaps')!);
    expect(gaps.find((x) => x[1] === 'Bằng Vân' && String(x[4]).startsWith('4.1'))!.slice(5, 7)).toEqual([
      'No',
      'Yes *',
    ]);
  });
});
