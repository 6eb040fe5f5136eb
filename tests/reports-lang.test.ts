import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ntm, tempDir } from './helpers/cli.js';
import { DATE_ENV, readCsv, readXlsx, sheetRows } from './reports-helpers.js';

const ANNEX = fixture('ngan-son-2021-thon.csv');
const XA = fixture('reports/bac-kan-xa-2020-values.csv');
const VI_LOCALE = { ...DATE_ENV, LANG: 'vi_VN.UTF-8', COLUMNS: '200' };

describe('--lang: everything ntm says, in Vietnamese or English; criterion names as the set writes them', () => {
  it('speaks Vietnamese by default in a Vietnamese locale, English otherwise', async () => {
    const [vi, en] = await Promise.all([
      ntm(['evaluate', ANNEX], { env: VI_LOCALE }),
      ntm(['evaluate', ANNEX], { env: DATE_ENV }),
    ]);
    expect(vi.stdout).toMatch(/│ TT\s+│ Thôn\s+│ Xã\s+│ Số tiêu chí đạt \/ 16 │ Kết quả\s+│ Tiêu chí còn thiếu/);
    expect(vi.stdout).toMatch(/Nà Y\s+│ Thượng Ân\s+│ 14\/16\s+│ Chưa đạt/);
    expect(vi.stdout).toContain(
      'Tổng hợp: Số đơn vị đánh giá: 8; Số đơn vị đạt chuẩn: 0; Bình quân tiêu chí đạt: 10,38/16',
    );
    expect(en.stdout).toContain('Summary: Units evaluated: 8; Meeting the standard: 0; Average criteria met: 10.38/16');
    // --lang overrides the locale both ways.
    expect((await ntm(['evaluate', ANNEX, '--lang', 'en'], { env: VI_LOCALE })).stdout).toContain('Units evaluated: 8');
    expect((await ntm(['evaluate', ANNEX, '--lang', 'vi', '-q'])).stdout).toBe(
      'Số đơn vị đánh giá: 8; Số đơn vị đạt chuẩn: 0; Bình quân tiêu chí đạt: 10,38/16; Kết luận tiêu chí dựa trên: đã kiểm chứng 0 · nguồn thứ cấp 0 · theo đánh giá 128; Cảnh báo: 2\n',
    );
  });

  it('CSV: headings, kinds and numbers in Vietnamese', async () => {
    const r = await ntm(['evaluate', XA, '--set', 'bac-kan-xa-2017', '--format', 'csv', '--lang', 'vi']);
    const [head, ...rows] = readCsv(r.stdout);
    expect(head).toEqual([
      'Xã',
      'Huyện',
      'Tệp',
      'Mã tiêu chí',
      'Tên tiêu chí',
      'Mã chỉ tiêu',
      'Tên chỉ tiêu',
      'Loại',
      'Giá trị',
      'Yêu cầu',
      'Còn thiếu',
      'Cơ quan phụ trách',
    ]);
    expect(rows).toContainEqual(
      expect.arrayContaining(['Trung Hòa', '15.3', 'Không đạt', '27,3 %', '≤ 26,7 % (đã kiểm chứng)', '0,6 điểm %']),
    );
    expect(rows).toContainEqual(
      expect.arrayContaining(['Vân Tùng', '17.2', 'Chưa có số liệu', '100 % (bộ tiêu chí chưa có ngưỡng)']),
    );
  });

  it('Markdown: headings, legend and summary in Vietnamese', async () => {
    const r = await ntm(['evaluate', ANNEX, '--format', 'markdown'], { env: VI_LOCALE });
    expect(r.stdout.match(/^#+ .*$/gm)).toEqual([
      '# Kết quả đánh giá tiêu chí nông thôn mới',
      '## Kết quả thực hiện tiêu chí đến thời điểm báo cáo',
      '## Các chỉ tiêu chưa đạt',
      '## Tổng hợp',
    ]);
    expect(r.stdout).toContain('| TT | Thôn | Xã | Ban phát triển thôn |');
    expect(r.stdout).toContain('1: đạt; để trống: chưa đạt; ?: chưa có số liệu');
    expect(r.stdout).toContain(
      'Bộ tiêu chí: bac-kan-thon-2019 — Bộ tiêu chí thôn nông thôn mới tỉnh Bắc Kạn đến năm 2020 (225/QĐ-UBND, 2019-02-13); vùng TDMNPB',
    );
    expect(r.stdout).toContain('Ngày: 2023-11-14');
    expect(r.stdout).toContain(
      '| 9 | Nà Y | Thượng Ân | 3. Kế hoạch thực hiện tiêu chí |  | Không đạt | Đạt |  | UBND xã |',
    );
  });

  it('XLSX: sheet names, title and headings in Vietnamese', async () => {
    const out = join(tempDir(), 'b.xlsx');
    await ntm(['evaluate', ANNEX, '-o', out, '--by', 'owner', '--lang', 'vi'], { env: DATE_ENV });
    const wb = await readXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Phụ lục',
      'Chỉ tiêu chưa đạt',
      'Tổng hợp',
      'Theo cơ quan phụ trách',
    ]);
    const annex = sheetRows(wb.getWorksheet('Phụ lục')!);
    expect(annex[0]![0]).toBe('Kết quả đánh giá tiêu chí nông thôn mới');
    expect(annex[2]![0]).toBe('Ngày: 2023-11-14. 1: đạt; để trống: chưa đạt; ?: chưa có số liệu');
    expect(annex[3]!.slice(0, 4)).toEqual(['TT', 'Thôn', 'Xã', 'Ban phát triển thôn']);
    expect(annex[3]!.at(-1)).toBe('Tổng số tiêu chí đạt');
    expect(sheetRows(wb.getWorksheet('Chỉ tiêu chưa đạt')!)[0]).toEqual([
      'TT',
      'Thôn',
      'Xã',
      'Tiêu chí',
      'Chỉ tiêu',
      'Giá trị',
      'Yêu cầu',
      'Còn thiếu',
      'Cơ quan phụ trách',
    ]);
  });

  it('table views in Vietnamese', async () => {
    const wide = { env: { COLUMNS: '200' } };
    const byC = await ntm(['evaluate', ANNEX, '--by', 'criterion', '--lang', 'vi'], wide);
    expect(byC.stdout).toMatch(/│ Tiêu chí\s+│ Cơ quan phụ trách\s+│ Số đơn vị chưa đạt │ Đơn vị/);
    const byO = await ntm(['evaluate', XA, '--set', 'bac-kan-xa-2017', '--by', 'owner', '--lang', 'vi'], wide);
    expect(byO.stdout).toMatch(/│ Trung Hòa\s+│ Ngân Sơn\s+│ 15\. Y tế\s+│ 15\.3 Tỷ lệ trẻ em/);
    expect(byO.stdout).toContain('27,3 %');
  });
});
