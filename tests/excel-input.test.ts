import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixture, inTerminal, json, ntm, tempDir, type Run } from './helpers/cli.js';

// fixtures/build-xlsx.mjs builds these workbooks from their CSV twins.
const ANNEX_CSV = fixture('ngan-son-2021-thon.csv');
const ANNEX_XLSX = fixture('ngan-son-2021-thon.xlsx');
const VALUES_CSV = fixture('bac-kan-xa-2020.csv');
const VALUES_XLSX = fixture('bac-kan-xa-2020.xlsx');

/** What a run decided: every unit's verdict, statuses and gaps, and the summary (not the file names). */
function verdicts(r: Run) {
  const out = json(r);
  return {
    units: out.units.map((u: Record<string, unknown>) => [u.name, u.parent, u.status, u.met, u.criteria, u.gaps]),
    summary: out.summary,
  };
}

const THON_NAMES = ['Ban phát triển thôn', 'Quy ước, hương ước thôn', 'Kế hoạch thực hiện tiêu chí', 'Giao thông'];

/** A small village sheet: title, header (name, commune, four criteria), the given rows. */
function villageSheet(
  wb: ExcelJS.Workbook,
  name: string,
  rows: (string | number | ExcelJS.CellValue | null)[][],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(['Kết quả thực hiện tiêu chí thôn']);
  ws.addRow(['Tên thôn', 'Tên xã', ...THON_NAMES]);
  for (const r of rows) ws.addRow(r);
  return ws;
}

async function save(wb: ExcelJS.Workbook, file = 'thon.xlsx'): Promise<string> {
  const path = join(tempDir(), file);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('ntm evaluate on an Excel workbook', () => {
  it('reads the Ngân Sơn annex as an office keeps it (merged titles and headers, formulas) to the verdicts of its CSV', async () => {
    const [csv, xlsx] = await Promise.all([
      ntm(['evaluate', ANNEX_CSV, '--format', 'json']),
      ntm(['evaluate', ANNEX_XLSX, '--format', 'json']),
    ]);
    expect(xlsx.code).toBe(1);
    expect(verdicts(xlsx)).toEqual(verdicts(csv));
    expect(verdicts(xlsx).units).toHaveLength(8);
  });

  it('places problems as file.xlsx[Sheet]!C7, and a whole row as !15:15', async () => {
    const r = await ntm(['evaluate', ANNEX_XLSX]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${ANNEX_XLSX}[Phụ lục 02]!T8: warning: Nà Y (Thượng Ân): the marks add up to 14 criteria met, the total column says 13\n`,
    );
    expect(r.stderr).toContain(`${ANNEX_XLSX}[Phụ lục 02]!15:15: warning: row skipped, it names no unit: "* Ghi chú:`);
    // The totals of the other rows are SUM formulas whose saved values agree with the marks.
    expect(r.stderr.match(/the marks add up to/g)).toHaveLength(1);
    expect(r.stdout).toContain('Units evaluated: 8; Meeting the standard: 0; Average criteria met: 10.38/16');
  });

  it('reads percent-formatted cells as percentages (0.273 shown as 27.3% is 27.3 %), to the verdicts of the CSV', async () => {
    const [csv, xlsx] = await Promise.all([
      ntm(['evaluate', VALUES_CSV, '--set', 'bac-kan-xa-2017', '--format', 'json']),
      ntm(['evaluate', VALUES_XLSX, '--set', 'bac-kan-xa-2017', '--format', 'json']),
    ]);
    expect(xlsx.code).toBe(1);
    expect(verdicts(xlsx)).toEqual(verdicts(csv));
    const trungHoa = json(xlsx).units.find((u: { name: string }) => u.name === 'Trung Hòa');
    expect(trungHoa.gaps).toContainEqual(expect.objectContaining({ indicator: '15.3', value: 27.3, required: 26.7 }));
  });

  it.each([
    ['the village annex', ANNEX_CSV, [], 'en'],
    ['the village annex in Vietnamese', ANNEX_CSV, [], 'vi'],
    ['commune values, with "?" for no data', VALUES_CSV, ['--set', 'bac-kan-xa-2017'], 'en'],
  ] as const)('reads back the workbook ntm writes to the same verdicts: %s', async (_, input, extra, lang) => {
    const out = join(tempDir(), 'annex.xlsx');
    const first = await ntm(['evaluate', input, ...extra, '--lang', lang, '-o', out]);
    expect(first.code).toBe(1);
    const [again, back] = await Promise.all([
      ntm(['evaluate', input, ...extra, '--format', 'json']),
      ntm(['evaluate', out, ...extra, '--format', 'json']),
    ]);
    expect(back.code).toBe(1);
    expect(back.stderr).not.toContain('error');
    const statuses = (r: Run) => verdicts(r).units.map((u: unknown[]) => u.slice(0, 5));
    expect(statuses(back)).toEqual(statuses(again));
    // The annex holds marks, not the values behind them: the verdicts are the same, each now resting on a mark.
    const { bases, ...summary } = verdicts(back).summary;
    const { bases: judged, ...original } = verdicts(again).summary;
    expect(summary).toEqual(original);
    expect(bases.mark).toBe(judged.mark + judged.secondary + judged.verified);
  });

  it('chooses the sheet whose header fits a set, and reads --sheet by name or by number', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['Bảng tổng hợp kết quả năm 2021']);
    villageSheet(wb, 'Năm 2021', [['Nà Lạn', 'Vân Tùng', 1, 1, 1, 1]]);
    const one = await save(wb);
    const only = await ntm(['evaluate', one, '--format', 'json']);
    expect(json(only).units.map((u: { name: string }) => u.name)).toEqual(['Nà Lạn']);

    villageSheet(wb, 'Năm 2022', [['Bản Chang', 'Đức Vân', 1, 1, null, 1]]);
    const two = await save(wb);
    const several = await ntm(['evaluate', two]);
    expect(several.code).toBe(2);
    expect(several.stderr).toBe(
      `${two}: error: 2 sheets have a header that fits a criteria set: 2 "Năm 2021", 3 "Năm 2022"\n  hint: Choose one with --sheet, e.g. --sheet "Năm 2021" (or its number, --sheet 2).\n`,
    );

    const byName = await ntm(['evaluate', two, '--sheet', 'năm 2022', '--format', 'json']);
    expect(json(byName).units.map((u: { name: string }) => u.name)).toEqual(['Bản Chang']);
    const byNumber = await ntm(['evaluate', two, '--sheet', '2', '--format', 'json']);
    expect(json(byNumber).units.map((u: { name: string }) => u.name)).toEqual(['Nà Lạn']);
    const missing = await ntm(['evaluate', two, '--sheet', 'Năm 2023']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `${two}: error: the workbook has no sheet "Năm 2023"; its sheets: 1 "Ghi chú", 2 "Năm 2021", 3 "Năm 2022"\n`,
    );
  }, 90_000);

  it('says when no sheet has a header that fits, naming the sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['x', 'y']);
    wb.addWorksheet('B').addRow(['Tên thôn', 'Ghi chú']);
    const r = await ntm(['evaluate', await save(wb)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /error: no sheet of this workbook has a header row naming the criteria of a known set \(sheets: "A", "B"\)/,
    );
  });

  it('reads a formula by its saved value; one without a saved value is an error naming its cell', async () => {
    const wb = new ExcelJS.Workbook();
    villageSheet(wb, 'Thôn', [
      ['Nà Lạn', 'Vân Tùng', { formula: 'IF(1>0,1,0)', result: 1 }, 1, 1, 1],
      ['Bản Chang', 'Đức Vân', 1, 1, { formula: 'IF(1>0,1,0)' }, 1],
    ]);
    const path = await save(wb);
    const r = await ntm(['evaluate', path, '--set', 'bac-kan-thon-2019']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${path}[Thôn]!E4: error: the formula =IF(1>0,1,0) has no saved value (the workbook was not calculated)\n  hint: Open the workbook in Excel (or LibreOffice), let it calculate and save it; or type the value.\n`,
    );
    const vi = await ntm(['evaluate', path, '--set', 'bac-kan-thon-2019', '--lang', 'vi']);
    expect(vi.stderr).toContain(`${path}[Thôn]!E4: lỗi: công thức =IF(1>0,1,0) chưa có giá trị được lưu`);
  });

  it('names the cell of a mark it cannot read', async () => {
    const wb = new ExcelJS.Workbook();
    villageSheet(wb, 'Thôn', [['Nà Lạn', 'Vân Tùng', 1, 'abc', 1, 1]]);
    const path = await save(wb);
    const r = await ntm(['evaluate', path, '--set', 'bac-kan-thon-2019']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^${path.replace(/[.[\]]/g, '\\$&')}\\[Thôn\\]!D3: error: column "Quy ước, hương ước thôn": "abc" is not understood`,
      ),
    );
  });

  it('stops at a figure typed as text whose separator could group thousands or mark decimals', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Xã');
    ws.addRow(['Tên xã', 'Huyện', '10 Thu nhập bình quân đầu người', '17.1 Tỷ lệ hộ được sử dụng nước hợp vệ sinh']);
    ws.addRow(['Vân Tùng', 'Ngân Sơn', '38.000', '80,5%']);
    const path = await save(wb, 'xa.xlsx');
    const r = await ntm(['evaluate', path, '--set', 'bac-kan-xa-2017']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${path}[Xã]!C2: error: the text "38.000" reads as two different numbers: its "." may group thousands or mark decimals\n  hint: Type the figure as a number (not as text), or write it without the thousands separator.\n`,
    );
  });

  it('shows the progress line on a terminal while a large workbook is read, erased at the end', async () => {
    const path = join(tempDir(), 'lon.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = wb.addWorksheet('Thôn');
    ws.addRow(['Tên thôn', 'Tên xã', ...Array.from({ length: 16 }, (_, i) => String(i + 1))]).commit();
    for (let i = 0; i < 20000; i++) ws.addRow([`Thôn ${i}`, `Xã ${i % 50}`, ...Array(16).fill(1)]).commit();
    ws.commit();
    await wb.commit();
    const r = await inTerminal(['evaluate', path, '--set', 'bac-kan-thon-2019', '--quiet'], {
      env: { NTM_PROGRESS_AFTER_MS: '0' },
    });
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the terminal's erase-line escape (ESC [K) is what is checked
    expect(r.out).toMatch(/\rntm: reading .*lon\.xlsx: \d+\.\d \/ \d+\.\d MB \(\d+%\)\u001b\[K/);
    const tail = r.out.slice(r.out.lastIndexOf('ntm: reading'));
    expect(tail.indexOf('\r\u001b[K')).toBeGreaterThan(0);
    expect(tail.indexOf('\r\u001b[K')).toBeLessThan(
      tail.indexOf('Units evaluated: 20000; Meeting the standard: 20000'),
    );
  }, 120_000);

  it('refuses an old .xls workbook with advice', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.xls');
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    const r = await ntm(['evaluate', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${path}: error: this is an Excel 97–2003 workbook (.xls), which ntm does not read\n  hint: Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".\n`,
    );
  });

  it('refuses a damaged workbook without a stack trace', async () => {
    const dir = tempDir();
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]));
    const r = await ntm(['evaluate', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^.*broken\.xlsx: error: (cannot read this Excel workbook|this workbook has no worksheets)/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
