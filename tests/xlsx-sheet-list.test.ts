import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetList } from '../src/data/xlsx-sheet-list.js';
import { tempDir } from './helpers/cli.js';

describe("a workbook's sheet list, read from the zip's directory", () => {
  it('gives the tabs in order with their names, though exceljs stores xl/workbook.xml last', async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ['Ghi chú', 'Năm 2021', 'Thôn & xã']) wb.addWorksheet(name).addRow([name]);
    const file = join(tempDir(), 'tabs.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const list = readSheetList(file)!;
    expect(list.sheets.map((s) => [s.name, s.id])).toEqual([
      ['Ghi chú', 1],
      ['Năm 2021', 2],
      ['Thôn & xã', 3],
    ]);
    const target = (rId: string) => list.rels.find((r) => r.Id === rId)?.Target;
    expect(list.sheets.map((s) => target(s.rId))).toEqual([
      'worksheets/sheet1.xml',
      'worksheets/sheet2.xml',
      'worksheets/sheet3.xml',
    ]);
  });

  it('gives nothing for a file that is not a zip', () => {
    const file = join(tempDir({ 'x.xlsx': 'Tên thôn,1\n' }), 'x.xlsx');
    expect(readSheetList(file)).toBeUndefined();
  });
});
