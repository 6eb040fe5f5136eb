import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixture, json, ntm, tempDir, type Run } from './helpers/cli.js';

const VALUES_CSV = fixture('bac-kan-xa-2020.csv');
const ANNEX_CSV = fixture('ngan-son-2021-thon.csv');
const csvRows = (path: string) =>
  Papa.parse<string[]>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

/** Every unit's verdict and gaps, and the summary. */
function verdicts(r: Run) {
  const out = json(r);
  return {
    units: out.units.map((u: Record<string, unknown>) => [u.name, u.parent, u.status, u.met, u.criteria, u.gaps]),
    summary: out.summary,
  };
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The row of the template's header: the one that starts with the sequence column. */
function headerRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= 10; r++) if (['No.', 'TT'].includes(String(ws.getCell(r, 1).value))) return r;
  throw new Error('no header row in the template');
}

describe('ntm template', () => {
  it('writes an XLSX whose drop-down lists, number checks, frozen header and widths Excel reads back', async () => {
    const out = join(tempDir(), 'xa.xlsx');
    const r = await ntm(['template', '--set', 'bac-kan-xa-2017', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`ntm: wrote the template ${out}\n`);
    const ws = (await load(out)).worksheets[0]!;
    const head = headerRow(ws);
    const header = (ws.getRow(head).values as unknown[]).slice(1) as string[];
    expect(header.slice(0, 4)).toEqual([
      'No.',
      'Commune',
      'District',
      '1.1 Có quy hoạch chung xây dựng xã được phê duyệt và được công bố công khai đúng thời hạn',
    ]);
    const col = (id: string) => header.findIndex((h) => h.startsWith(`${id} `)) + 1;
    // The requirements row stands right above the header, in the region and year of the set.
    expect(ws.getCell(head - 1, col('10')).value).toBe('≥ 36 triệu đồng/người/năm');
    expect(ws.getCell(head - 1, col('15.3')).value).toBe('≤ 26.7 %');
    // A value not checked against the decision's text is starred, and a title line says so.
    expect(ws.getCell(head - 1, col('1.1')).value).toBe('Met *');
    expect(ws.getCell(head - 2, 1).value).toBe(
      '* Not verified against the text of the decision (`ntm sets show` gives the source).',
    );
    expect(ws.getCell(head - 1, col('17.2')).value).toBe('% (no threshold in the set)');

    const first = head + 1;
    expect(ws.getCell(first, col('1.1')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Đạt,Không đạt"'],
      allowBlank: true,
      errorStyle: 'stop',
    });
    expect(ws.getCell(first + 999, col('15.3')).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 100],
      allowBlank: true,
    });
    expect(ws.getCell(first, 2).dataValidation).toBeUndefined();
    const yesNo = header.findIndex((h, i) => i > 2 && ws.getCell(head - 1, i + 1).value === 'No *') + 1;
    expect(ws.getCell(first, yesNo).dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });

    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: head });
    expect(ws.getColumn(2).width).toBe(22);
    expect(ws.getColumn(col('10')).width).toBeGreaterThanOrEqual('≥ 36 triệu đồng/người/năm'.length);
  });

  it('a filled-in XLSX template evaluates to the verdicts of the same data as CSV', async () => {
    const dir = tempDir();
    const out = join(dir, 'xa.xlsx');
    expect((await ntm(['template', '--set', 'bac-kan-xa-2017', '-o', out, '--lang', 'vi'])).code).toBe(0);
    const wb = await load(out);
    const ws = wb.worksheets[0]!;
    const head = headerRow(ws);
    const header = (ws.getRow(head).values as unknown[]).slice(1).map(String);
    const [csvHeader, ...units] = csvRows(VALUES_CSV);
    // As an official types them: percentages as Excel stores "99,6%", figures as numbers, words as text.
    units.forEach((unit, k) => {
      unit.forEach((text, i) => {
        const h = csvHeader![i]!;
        const id = /^\d+(\.\d+)?/.exec(h)?.[0];
        const c = i < 2 ? i + 2 : header.findIndex((x) => id !== undefined && x.startsWith(`${id} `)) + 1;
        expect(c).toBeGreaterThan(0);
        const cell = ws.getCell(head + 1 + k, c);
        const percent = /^(\d+(?:,\d+)?)%$/.exec(text);
        if (percent) {
          cell.value = Number(percent[1]!.replace(',', '.')) / 100;
          cell.numFmt = '0.0%';
        } else if (/^\d+(,\d+)?$/.test(text)) cell.value = Number(text.replace(',', '.'));
        else if (text) cell.value = text;
      });
    });
    await wb.xlsx.writeFile(out);
    const [filled, csv] = await Promise.all([
      ntm(['evaluate', out, '--set', 'bac-kan-xa-2017', '--format', 'json']),
      ntm(['evaluate', VALUES_CSV, '--set', 'bac-kan-xa-2017', '--format', 'json']),
    ]);
    expect(filled.stderr).not.toContain('error');
    expect(filled.code).toBe(1);
    expect(verdicts(filled)).toEqual(verdicts(csv));
  });

  it('a filled-in CSV template of marks (--marks) evaluates to the verdicts of the annex', async () => {
    const r = await ntm(['template', '--set', 'bac-kan-thon-2019', '--marks']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFSurvey sheet: new rural development/);
    expect(lines[3]).toBe('Required,,,' + Array(16).fill('Đạt / Không đạt').join(','));
    expect(lines[4]).toMatch(/^No\.,Village,Commune,Ban phát triển thôn,/);
    expect(lines[5]).toBe('A,B,C,' + Array.from({ length: 16 }, (_, i) => i + 1).join(','));
    const annex = csvRows(ANNEX_CSV).slice(6, 14);
    const filled =
      r.stdout +
      annex
        .map((u) => [u[0], u[1], u[2], ...u.slice(3, 19).map((m) => (m === '1' ? 'Đạt' : 'Không đạt'))].join(','))
        .join('\r\n') +
      '\r\n';
    const path = join(tempDir(), 'thon.csv');
    writeFileSync(path, filled);
    const [fromTemplate, original] = await Promise.all([
      ntm(['evaluate', path, '--format', 'json']),
      ntm(['evaluate', ANNEX_CSV, '--format', 'json']),
    ]);
    expect(fromTemplate.stderr).not.toContain('error');
    expect(verdicts(fromTemplate)).toEqual(verdicts(original));
  });

  /** The requirement the CSV template of `set` writes above the column whose header starts with `column`. */
  const required = async (set: string, column: string, ...args: string[]) => {
    const r = await ntm(['template', '--set', set, ...args]);
    expect(r.code).toBe(0);
    const lines = Papa.parse<string[]>(r.stdout.replace(/^\uFEFF/, '')).data;
    const head = lines.findIndex((l) => l[0] === 'No.');
    return lines[head - 1]![lines[head]!.findIndex((h) => h.startsWith(column))];
  };

  it('gives the requirements of the region asked for, and never a value the set does not give', async () => {
    const schools = (...args: string[]) => required('quoc-gia-xa-2016', '5 ', ...args);
    // TDMNPB (the set's default region) has no sourced value for 5 since the source check.
    expect(await schools()).toBe('% (no value for this region)');
    expect(await schools('--region', 'ĐBSCL')).toBe('≥ 70 % *');
    expect(await schools('--region', 'ĐBSH')).toBe('% (no value for this region)');
  });

  it('gives the requirement of the commune group asked for, and says when the group is needed', async () => {
    const poverty = (...args: string[]) => required('tests/sets-2026/nhom-thu.yaml', '6.1 ', ...args);
    expect(await poverty()).toBe('% (depends on the commune group: give --group)');
    expect(await poverty('--group', '3')).toBe('≤ 5 % *');
    expect(await poverty('--group', '1')).toBe('≤ 1 % *');
  });

  it('refuses an output it cannot tell the format of, and an existing file without --force', async () => {
    const dir = tempDir({ 'old.xlsx': 'x' });
    const txt = await ntm(['template', '--set', 'bac-kan-thon-2019', '-o', join(dir, 't.txt')]);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('error: cannot tell the template format from');
    const exists = await ntm(['template', '--set', 'bac-kan-thon-2019', '-o', join(dir, 'old.xlsx')]);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('old.xlsx already exists; it was left unchanged');
    expect(readFileSync(join(dir, 'old.xlsx'), 'utf8')).toBe('x');
  });
});
