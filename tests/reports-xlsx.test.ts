import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ntm, tempDir } from './helpers/cli.js';
import { DATE_ENV, readXlsx, sheetRows } from './reports-helpers.js';

const ANNEX = fixture('ngan-son-2021-thon.csv');
const XA = fixture('reports/bac-kan-xa-2020-values.csv');

async function xlsx(args: string[]) {
  const out = join(tempDir(), 'report.xlsx');
  const r = await ntm(['evaluate', ...args, '-o', out], { env: DATE_ENV });
  expect(r.code).toBe(1);
  return readXlsx(out);
}

const fill = (cell: { fill?: unknown }) => (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;

describe('ntm evaluate -o report.xlsx', () => {
  it('writes the annex sheet: title naming the set and the date, criteria names, numbering row, 1 for met', async () => {
    const wb = await xlsx([ANNEX]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annex', 'Gaps', 'Summary']);
    const ws = wb.getWorksheet('Annex')!;
    const rows = sheetRows(ws);
    expect(rows[0]![0]).toBe('New rural development (nông thôn mới) criteria: evaluation');
    expect(rows[1]![0]).toBe(
      'Criteria set: bac-kan-thon-2019 — Bộ tiêu chí thôn nông thôn mới tỉnh Bắc Kạn đến năm 2020 (225/QĐ-UBND, 2019-02-13); region TDMNPB',
    );
    expect(rows[2]![0]).toBe('Date: 2023-11-14. 1: met; blank: not met; ?: no data');
    expect(rows[3]).toEqual([
      'No.',
      'Village',
      'Commune',
      'Ban phát triển thôn',
      'Quy ước, hương ước thôn',
      'Kế hoạch thực hiện tiêu chí',
      'Giao thông',
      'Thủy lợi',
      'Điện',
      'Cơ sở vật chất văn hóa',
      'Nhà ở và công trình phụ trợ',
      'Giáo dục',
      'Y tế',
      'Văn hóa',
      'Mô hình sản xuất',
      'Kinh tế hộ',
      'Môi trường và cảnh quan nông thôn',
      'An ninh trật tự',
      'Hệ thống chính trị',
      'Criteria met',
    ]);
    expect(rows[4]).toEqual(['A', 'B', 'C', ...Array.from({ length: 16 }, (_, i) => String(i + 1)), null]);
    // As the annex of the Ngân Sơn plan: 1 where met, blank where not, the total (counted) at the end.
    expect(rows[5]).toEqual([
      1,
      'Cốc Phia',
      'Cốc Đán',
      1,
      1,
      1,
      null,
      1,
      null,
      null,
      null,
      1,
      1,
      1,
      null,
      null,
      null,
      null,
      1,
      8,
    ]);
    expect(rows[6]).toEqual([2, 'Nà Y', 'Thượng Ân', 1, 1, null, 1, 1, 1, 1, 1, 1, 1, 1, null, 1, 1, 1, 1, 14]);
    expect(rows).toHaveLength(13);
  });

  it('freezes the header and the unit columns, sets widths, fills met cells, merges the title', async () => {
    const ws = (await xlsx([ANNEX])).getWorksheet('Annex')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 5 });
    expect(ws.getColumn(2).width).toBe(22);
    expect(ws.getColumn(4).width).toBe(6);
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('T1').isMerged).toBe(true);
    expect(ws.getCell('D4').alignment?.textRotation).toBe(90);
    expect(fill(ws.getCell('D6'))).toBe('FFC6EFCE');
    expect(fill(ws.getCell('G6'))).toBeUndefined();
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '4:5' });
  });

  it('marks no data with "?" in its own colour, and lists every gap on the second sheet', async () => {
    const wb = await xlsx([XA, '--set', 'bac-kan-xa-2017']);
    const annex = wb.getWorksheet('Annex')!;
    expect(annex.getCell('T6').value).toBe('?');
    expect(fill(annex.getCell('T6'))).toBe('FFFFEB9C');
    const gaps = wb.getWorksheet('Gaps')!;
    const [head, ...rows] = sheetRows(gaps);
    expect(head).toEqual([
      'No.',
      'Commune',
      'District',
      'Criterion',
      'Indicator',
      'Value',
      'Required',
      'Shortfall',
      'Owner',
    ]);
    expect(rows).toContainEqual([
      expect.any(Number),
      'Trung Hòa',
      'Ngân Sơn',
      '15. Y tế',
      '15.3 Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)',
      '27.3 %',
      '≤ 26.7 % (verified)',
      '0.6 points',
      'Văn phòng HĐND-UBND huyện',
    ]);
    expect(rows.at(-1)).toEqual(['* unverified', null, null, null, null, null, null, null, null]);
    expect(gaps.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(gaps.autoFilter).toBeTruthy();
    const summary = sheetRows(wb.getWorksheet('Summary')!);
    expect(summary).toContainEqual(['Units evaluated', '9']);
    expect(summary).toContainEqual(['Incomplete data', '1']);
  });

  it('--by criterion and --by owner add their sheet and open on it', async () => {
    const byC = await xlsx([ANNEX, '--by', 'criterion']);
    expect(byC.worksheets.map((w) => w.name)).toEqual(['Annex', 'Gaps', 'Summary', 'By criterion']);
    expect(byC.views[0]?.activeTab).toBe(3);
    expect(sheetRows(byC.getWorksheet('By criterion')!)[1]).toEqual([
      '3',
      'Kế hoạch thực hiện tiêu chí',
      'UBND xã',
      2,
      8,
      'Nà Y (Thượng Ân); Nà Ngần (Thượng Quan)',
    ]);
    const byO = await xlsx([ANNEX, '--by', 'owner']);
    const rows = sheetRows(byO.getWorksheet('By owner')!);
    expect(rows[0]).toEqual([
      'Owner',
      'Village',
      'Commune',
      'Criterion',
      'Indicator',
      'Value',
      'Required',
      'Shortfall',
    ]);
    expect(rows[1]).toEqual([
      'Công an huyện',
      'Cốc Phia',
      'Cốc Đán',
      '15. An ninh trật tự',
      null,
      'Not met',
      'Met',
      null,
    ]);
    expect(rows).toHaveLength(46);
  });
});
