import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIndicatorValue, parseNumber } from '../src/data/parse-value.js';
import { fixture, json, ntm, tempDir } from './helpers/cli.js';

/**
 * The layouts officials keep (issue 10, reading): criterion columns by number, section and total
 * rows, merged cells, short rows, percentages as fractions, values out of range. Each either read
 * right or stopped with an error that says how to fix the sheet.
 */

interface Gap {
  criterion: string;
  indicator?: string;
  kind: string;
  value: unknown;
}
interface Unit {
  name: string;
  parent: string;
  line: number;
  met: number;
  status: string;
  gaps: Gap[];
}
const units = (r: { stdout: string }) => json(r as never).units as Unit[];
const XA = ['--set', 'bac-kan-xa-2017'];

/** A commune sheet for bac-kan-xa-2017 with the given header cells after the name columns. */
function communeSheet(headers: string[], rows: [string, ...string[]][], sep = ','): string {
  const dir = tempDir({
    'xa.csv': [
      ['Tên xã', 'Huyện', ...headers].join(sep),
      ...rows.map(([name, ...cells]) => [name, 'Ngân Sơn', ...cells].join(sep)),
    ].join('\r\n'),
  });
  return join(dir, 'xa.csv');
}

describe('1. criterion columns by number', () => {
  it('TC01 … TC19 are the criterion marks of a commune tally: a commune marked everywhere meets all 19', async () => {
    const r = await ntm(['evaluate', fixture('ngan-son-2020-xa-tc.csv'), ...XA, '--format', 'json']);
    expect(r.code).toBe(1);
    const [vanTung, bangVan, ducVan, thuongAn] = units(r);
    expect(vanTung).toMatchObject({ name: 'Vân Tùng', met: 19, status: 'meets' });
    expect(bangVan).toMatchObject({ met: 19, status: 'meets' });
    expect(ducVan!.gaps.map((g) => g.criterion)).toEqual(['5', '8', '12']);
    // TC10 left blank: criterion 10 not met, as a mark, never "income 0 < 36".
    expect(thuongAn!.gaps).toEqual([expect.objectContaining({ criterion: '10', kind: 'unmet', value: null })]);
    expect(thuongAn!.gaps[0]).not.toHaveProperty('indicator');
  });

  it('the zero-padded header row is found as the header, not taken for data', async () => {
    const r = await ntm(['evaluate', fixture('ngan-son-2020-xa-tc.csv')]);
    expect(r.code).toBe(2);
    // Line 4 is the header; the TC columns fit every national commune set alike, so ntm asks.
    expect(r.stderr).toContain('ngan-son-2020-xa-tc.csv:4: error: the header fits 4 criteria sets equally');
    expect(r.stderr).not.toContain('means the same as');
  });

  it('TC1, TC 2, Tiêu chí 3, Tiêu chí số 4, TC05, TC6 Cơ sở vật chất văn hóa … all name marks; TC10 = 1 is met', async () => {
    const headers = [
      'TC1',
      'TC 2',
      'Tiêu chí 3',
      'Tiêu chí số 4',
      'TC05',
      'TC6 Cơ sở vật chất văn hóa',
      ...Array.from({ length: 13 }, (_, i) => `TC${i + 7}`),
    ];
    const file = communeSheet(headers, [
      ['Vân Tùng', ...headers.map(() => '1')],
      ['Bằng Vân', ...headers.map((_, i) => (i === 9 ? 'Đạt' : 'x'))],
    ]);
    const r = await ntm(['evaluate', file, ...XA, '--format', 'json']);
    expect(r.stderr).not.toContain('error');
    expect(units(r).map((u) => [u.met, u.status])).toEqual([
      [19, 'meets'],
      [19, 'meets'],
    ]);
    expect(r.code).toBe(0);
  });

  it('a criterion column whose cells are values is read as values: TC10 = 26,2 fails income by 9,8', async () => {
    const file = communeSheet(
      ['TC10'],
      [
        ['Vân Tùng', '38,2'],
        ['Trung Hòa', '26,2'],
      ],
      ';',
    );
    const r = await ntm(['evaluate', file, ...XA, '--format', 'json']);
    const [vanTung, trungHoa] = units(r);
    expect(vanTung!.gaps.find((g) => g.criterion === '10')).toBeUndefined();
    expect(trungHoa!.gaps.find((g) => g.criterion === '10')).toMatchObject({
      indicator: '10',
      kind: 'unmet',
      value: 26.2,
    });
  });

  it('a bare "10" of 1s and 0s could be marks or incomes: stopped, with how to head the column', async () => {
    const file = communeSheet(
      ['10'],
      [
        ['Vân Tùng', '1'],
        ['Bằng Vân', '0'],
      ],
    );
    const r = await ntm(['evaluate', file, ...XA]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'xa.csv:2:3: error: column "10": "1" may be a criterion mark (met or not) or a value of 10 (1 triệu đồng/người/năm); no cell of the column tells which',
    );
    expect(r.stderr).toContain(
      'hint: Head the column "TC10" if it holds marks, or "10 Thu nhập bình quân đầu người khu vực nông thôn đến năm 2020" if it holds values.',
    );
  });

  it('"10.1" names the one indicator the set numbers "10": its cells are incomes', async () => {
    const file = communeSheet(
      ['10.1 Thu nhập'],
      [
        ['Vân Tùng', '38,2'],
        ['Bằng Vân', '26,2'],
      ],
      ';',
    );
    const r = await ntm(['evaluate', file, ...XA, '--format', 'json']);
    expect(r.stderr).not.toContain('columns not used');
    expect(units(r).map((u) => u.gaps.find((g) => g.criterion === '10')?.value)).toEqual([undefined, 26.2]);
  });

  it('a column mixing marks and values is an error naming both cells', async () => {
    const file = communeSheet(
      ['TC10'],
      [
        ['Vân Tùng', 'x'],
        ['Bằng Vân', '38,2'],
      ],
      ';',
    );
    const r = await ntm(['evaluate', file, ...XA]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'xa.csv:3:3: error: column "TC10" holds both criterion marks ("x", line 2) and values ("38,2", line 3)',
    );
  });
});

describe('2. section and total rows', () => {
  // Relative to the project folder (the CLI runs there), as the messages then show it.
  const SECTIONS = 'fixtures/ngan-son-2021-thon-sections.csv';

  it('section rows name the commune of the villages under them; section and total rows are not units', async () => {
    const r = await ntm(['evaluate', SECTIONS, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(units(r).map((u) => `${u.name} (${u.parent})`)).toEqual([
      'Nà Lạn (Vân Tùng)',
      'Pác Cáp (Vân Tùng)',
      'Nà Slảy (Vân Tùng)',
      'Khu Chợ 1 (Bằng Vân)',
      'Nà Đeng (Bằng Vân)',
      'Bản Chang (Đức Vân)',
      // The same name in another commune is another village.
      'Nà Lạn (Đức Vân)',
    ]);
    expect(units(r)[0]).toMatchObject({ met: 16, status: 'meets' });
  });

  it('each "Cộng" is checked against its section and "Tổng cộng" against the file: one wrong count, one warning', async () => {
    const r = await ntm(['evaluate', SECTIONS, '--format', 'json']);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toEqual([
      'fixtures/ngan-son-2021-thon-sections.csv:20:9: warning: the total row "Tổng cộng" disagrees with the rows it adds up in 1 column: "Cơ sở vật chất văn hóa" 4 (rows: 3)',
    ]);
    expect(json(r).warnings).toEqual([
      expect.objectContaining({
        kind: 'total-row-mismatch',
        line: 20,
        params: expect.objectContaining({ label: 'Tổng cộng', count: 1 }),
      }),
    ]);
  });

  it('a commune file grouped under "Huyện …" sections takes the district from them; "Toàn huyện" closes it', async () => {
    const dir = tempDir({
      'xa.csv': [
        'STT,Tên xã,TC01,TC02,TC03',
        'A,Huyện Ngân Sơn,,,',
        '1,Vân Tùng,x,x,',
        '2,Bằng Vân,x,,',
        'B,Huyện Bạch Thông,,,',
        '1,Vân Tùng,x,x,x',
        ',Toàn tỉnh,3,2,1',
      ].join('\n'),
    });
    const r = await ntm(['evaluate', join(dir, 'xa.csv'), ...XA, '--format', 'json']);
    expect(r.stderr).not.toContain('error');
    expect(r.stderr).not.toContain('total row');
    expect(units(r).map((u) => `${u.name} (${u.parent})`)).toEqual([
      'Vân Tùng (Ngân Sơn)',
      'Bằng Vân (Ngân Sơn)',
      'Vân Tùng (Bạch Thông)',
    ]);
  });

  it('"Tổng cộng" above the units and section rows carrying their counts are checked once their rows are read', async () => {
    const sheet = (vanTungCounts: string) =>
      [
        'TT,Tên thôn,1,2,3,Tổng số tiêu chí đạt',
        'A,B,1,2,3,C',
        ',Tổng cộng,3,2,1,6',
        `I,Xã Vân Tùng,${vanTungCounts},3`,
        '1,Nà Lạn,1,1,,2',
        '2,Pác Cáp,1,,,1',
        'II,Xã Bằng Vân,1,1,1,3',
        '3,Khu Chợ,1,1,1,3',
      ].join('\n');
    const good = await ntm([
      'evaluate',
      join(tempDir({ 'thon.csv': sheet('2,1,0') }), 'thon.csv'),
      '--set',
      'bac-kan-thon-2019',
      '--format',
      'json',
    ]);
    expect(units(good).map((u) => `${u.name} (${u.parent})`)).toEqual([
      'Nà Lạn (Vân Tùng)',
      'Pác Cáp (Vân Tùng)',
      'Khu Chợ (Bằng Vân)',
    ]);
    expect(good.stderr).not.toContain(' row "');
    const bad = await ntm([
      'evaluate',
      join(tempDir({ 'thon.csv': sheet('2,2,0') }), 'thon.csv'),
      '--set',
      'bac-kan-thon-2019',
    ]);
    expect(bad.stderr).toContain(
      'thon.csv:4:4: warning: the section row "Xã Vân Tùng" disagrees with the rows it adds up in 1 column: "2" 2 (rows: 1)',
    );
  });

  it('a village named "Cộng Hòa" is a village, not a total row', async () => {
    const dir = tempDir({
      'thon.csv': [
        'Tên thôn,Tên xã,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16',
        `Cộng Hòa,Vân Tùng,${Array(16).fill('1').join(',')}`,
      ].join('\n'),
    });
    const r = await ntm(['evaluate', join(dir, 'thon.csv'), '--format', 'json']);
    expect(units(r).map((u) => u.name)).toEqual(['Cộng Hòa']);
  });
});

describe('3. merged parent cells', () => {
  it('a blank commune under a merged cell is the commune above, said once per file', async () => {
    const r = await ntm(['evaluate', 'fixtures/ngan-son-2021-thon-merged.csv', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(units(r).map((u) => `${u.name} (${u.parent})`)).toEqual([
      'Cốc Phia (Cốc Đán)',
      'Nà Pài (Cốc Đán)',
      'Khu Chợ (Cốc Đán)',
      'Khu Chợ (Thuần Mang)',
      'Nà Mằn (Thuần Mang)',
      'Bản Phạc (Trung Hòa)',
      'Nà Kèng (Trung Hòa)',
    ]);
    const notices = r.stderr.split('\n').filter((l) => l.includes('merged cells'));
    expect(notices).toEqual([
      'fixtures/ngan-son-2021-thon-merged.csv:8:2: warning: column "Tên xã" has blank cells (the first here, under "Cốc Đán"): read as merged cells, each blank taking the name above it',
    ]);
  });
});

describe('4. short rows and rows in another delimiter', () => {
  it('a row that Excel cut short (trailing empty cells dropped) is read with those cells blank', async () => {
    const dir = tempDir({
      'thon.csv': [
        'Tên thôn;Tên xã;1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16',
        `Nà Lạn;Vân Tùng;${Array(16).fill('1').join(';')}`,
        'Pác Cáp;Vân Tùng;1;1;1',
      ].join('\r\n'),
    });
    const r = await ntm(['evaluate', join(dir, 'thon.csv'), '--format', 'json']);
    expect(r.stderr).not.toContain('error');
    expect(units(r).map((u) => [u.name, u.met])).toEqual([
      ['Nà Lạn', 16],
      ['Pác Cáp', 3],
    ]);
  });
  // A row in another delimiter: tests/bad-input.test.ts (foreign-delimiter.csv), with its exact message.
});

describe('5. percentages written as fractions', () => {
  const FRACTIONS = fixture('ngan-son-2020-xa-ty-le.csv');

  it('a percent column of values within 0–1 is read as fractions, said once: 0,298 (29,8 %) does not meet ≤ 26,7 %', async () => {
    const r = await ntm(['evaluate', FRACTIONS, ...XA, '--format', 'json']);
    expect(r.code).toBe(1);
    const trungHoa = units(r).find((u) => u.name === 'Trung Hòa')!;
    expect(trungHoa.gaps.find((g) => g.indicator === '15.3')).toMatchObject({ kind: 'unmet', value: 29.8 });
    // "1" among fractions is 100 % (criterion 5 has no sourced TDMNPB threshold, so its gap shows the value read).
    expect(units(r)[0]!.gaps.find((g) => g.criterion === '5')).toMatchObject({ value: 100, reason: 'no-threshold' });
    const notices = r.stderr.split('\n').filter((l) => l.includes('fractions'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^.*ngan-son-2020-xa-ty-le\.csv:3:3: warning: columns "4\.2 Tỷ lệ hộ sử dụng điện thường xuyên, an toàn", "5 Tỷ lệ trường học/,
    );
    expect(notices[0]).toContain('"15.3 Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thấp còi"');
    expect(notices[0]).toContain(
      'write percentages as fractions of 1, as Excel\'s percent cells export them: read as percentages ("0,996" is 99.6 %)',
    );
    expect(r.stderr).toContain('hint: If the values are percentages as written (under 1 %), give --percent-as-is.');
  });

  it('--percent-as-is reads them as written', async () => {
    const r = await ntm(['evaluate', FRACTIONS, ...XA, '--percent-as-is', '--format', 'json']);
    const trungHoa = units(r).find((u) => u.name === 'Trung Hòa')!;
    expect(trungHoa.gaps.find((g) => g.indicator === '15.3')).toBeUndefined();
    expect(trungHoa.gaps.find((g) => g.indicator === '17.1')).toMatchObject({ value: 0.889 });
    expect(r.stderr).not.toContain('fractions');
  });

  it('a value above 1 makes the column percentages: 0,8 among 5,2 is 0,8 %', async () => {
    const file = communeSheet(
      ['11 Tỷ lệ hộ nghèo đa chiều'],
      [
        ['Vân Tùng', '5,2'],
        ['Bằng Vân', '0,8'],
      ],
      ';',
    );
    const r = await ntm(['evaluate', file, ...XA, '--format', 'json']);
    expect(r.stderr).not.toContain('fractions');
    // Poverty has no sourced TDMNPB threshold: the gaps show the values as read, 0,8 % and not 80 %.
    expect(units(r).map((u) => u.gaps.find((g) => g.criterion === '11')?.value)).toEqual([5.2, 0.8]);
  });

  it('a column that mixes "29,8%" and "0,298" is an error naming both', async () => {
    const file = communeSheet(
      ['15.3 Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thấp còi'],
      [
        ['Vân Tùng', '29,8%'],
        ['Bằng Vân', '0,298'],
      ],
      ';',
    );
    const r = await ntm(['evaluate', file, ...XA]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'xa.csv:3:3: error: column "15.3 Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thấp còi" mixes fractions of 1 ("0,298", line 3: 29.8 %?) and percentages ("29,8%", line 2)',
    );
  });

  it('a column of only 0 and 1 cannot say whether 1 is 1 % or 100 %: stopped', async () => {
    const file = communeSheet(
      ['6.3 Tỷ lệ thôn có nhà văn hóa'],
      [
        ['Vân Tùng', '1'],
        ['Bằng Vân', '0'],
      ],
      ';',
    );
    const r = await ntm(['evaluate', file, ...XA]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'xa.csv:2:3: error: column "6.3 Tỷ lệ thôn có nhà văn hóa": "1" may be 1 % or 100 % (a fraction of 1); no other value of the column tells which',
    );
  });
});

describe('6. values out of range', () => {
  it('150 % is an error at its cell', async () => {
    const r = await ntm(['evaluate', fixture('bac-kan-xa-2020-150.csv'), ...XA]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'bac-kan-xa-2020-150.csv:5:36: error: column "17.1 Tỷ lệ hộ dùng nước hợp vệ sinh": "150%" is out of range; expected a percentage between 0 and 100',
    );
  });

  it('a negative income, a negative percentage and "99 6" are errors at their cells', async () => {
    const file = communeSheet(
      ['10 Thu nhập bình quân đầu người', '11 Tỷ lệ hộ nghèo đa chiều', '12 Tỷ lệ lao động có việc làm'],
      [['Vân Tùng', '-38,2', '-5%', '99 6']],
      ';',
    );
    const r = await ntm(['evaluate', file, ...XA]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'xa.csv:2:3: error: column "10 Thu nhập bình quân đầu người": "-38,2" is out of range; expected a number 0 or more in triệu đồng/người/năm',
    );
    expect(r.stderr).toContain(
      'xa.csv:2:4: error: column "11 Tỷ lệ hộ nghèo đa chiều": "-5%" is out of range; expected a percentage between 0 and 100',
    );
    expect(r.stderr).toContain('xa.csv:2:5: error: column "12 Tỷ lệ lao động có việc làm": "99 6" is not understood');
  });

  it("--year outside the set's period is refused before any verdict", async () => {
    const r = await ntm(['evaluate', fixture('bac-kan-xa-2020.csv'), ...XA, '--year', '1990']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: --year 1990 is outside the period of set "bac-kan-xa-2017" (2017–2020)');
    expect(r.stderr).toContain(
      'hint: Give a year from 2017 to 2020, or choose a set for 1990 with --set (`ntm sets list`).',
    );
  });

  it('spaces group thousands only in threes', () => {
    const opts = { decimalComma: true };
    expect(parseNumber('1 234', opts)).toBe(1234);
    expect(parseNumber('54 000 000', opts)).toBe(54_000_000);
    expect(parseNumber('99 6', opts)).toBeUndefined();
    expect(parseNumber('1 2345', opts)).toBeUndefined();
    expect(parseIndicatorValue('54 triệu', { type: 'number', unit: 'triệu đồng/người/năm' }, opts)).toEqual({
      ok: true,
      value: 54,
    });
    expect(parseIndicatorValue('80,5 %', { type: 'percent', unit: '%' }, opts)).toEqual({ ok: true, value: 80.5 });
  });
});
