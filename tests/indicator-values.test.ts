import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, json, ntm, tempDir } from './helpers/cli.js';

// fixtures/sets/kiem-thu-xa.yaml: one indicator of each type and comparison (test thresholds).
const SETS = fixture('sets');

interface Gap {
  criterion: string;
  indicator?: string;
  kind: string;
  value: unknown;
  required: unknown;
  shortfall: number | null;
  owner?: string;
}
interface Unit {
  name: string;
  status: string;
  criteria: string[];
  gaps: Gap[];
}

/** Evaluates communes whose only data is one column, and returns each commune's gap for it. */
async function judgeColumn(header: string, cells: string[], extra: string[] = [], sep = ',') {
  const rows = cells.map(
    (c, i) => `X${i + 1}${sep}${c.includes(sep) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c}`,
  );
  const dir = tempDir({ 'xa.csv': [`Tên xã${sep}${header}`, ...rows].join('\n') });
  const r = await ntm([
    'evaluate',
    join(dir, 'xa.csv'),
    '--sets',
    SETS,
    '--set',
    'kiem-thu-xa',
    '--format',
    'json',
    ...extra,
  ]);
  expect(r.stderr).not.toContain('error');
  const id = header.split(' ')[0];
  return { r, gaps: (json(r).units as Unit[]).map((u) => u.gaps.find((g) => g.indicator === id)) };
}

describe('each type and comparison at, just above and just below its threshold', () => {
  it('percent >= 95', async () => {
    const { gaps } = await judgeColumn('1.1', ['95', '95,1', '94,9']);
    expect(gaps[0]).toBeUndefined();
    expect(gaps[1]).toBeUndefined();
    expect(gaps[2]).toMatchObject({
      kind: 'unmet',
      value: 94.9,
      required: 95,
      shortfall: 0.1,
      owner: 'Phòng Kinh tế và Hạ tầng',
    });
  });

  it("percent <= 6, with the indicator's own owner", async () => {
    const { gaps } = await judgeColumn('1.2', ['6', '6,1', '5,9']);
    expect(gaps[0]).toBeUndefined();
    expect(gaps[1]).toMatchObject({
      kind: 'unmet',
      value: 6.1,
      shortfall: 0.1,
      owner: 'Phòng Lao động - Thương binh và Xã hội',
    });
    expect(gaps[2]).toBeUndefined();
  });

  it('number >= by region and year (TDMNPB 2024: 45 million)', async () => {
    const { gaps } = await judgeColumn('2.1', ['45', '45,5', '44,5']);
    expect(gaps.slice(0, 2)).toEqual([undefined, undefined]);
    expect(gaps[2]).toMatchObject({
      kind: 'unmet',
      value: 44.5,
      required: 45,
      shortfall: 0.5,
      unit: 'triệu đồng/người/năm',
    });
  });

  it('number between 2 and 5 km, both ends', async () => {
    const { gaps } = await judgeColumn('2.2', ['2', '5', '3,5', '1,9', '5,25']);
    expect(gaps.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(gaps[3]).toMatchObject({ kind: 'unmet', shortfall: 0.1, required: [2, 5] });
    expect(gaps[4]).toMatchObject({ kind: 'unmet', shortfall: 0.25 });
  });

  it('count == 1 and count >= 2', async () => {
    const eq = await judgeColumn('3.1', ['1', '2', '0']);
    expect(eq.gaps[0]).toBeUndefined();
    expect(eq.gaps[1]).toMatchObject({ kind: 'unmet', shortfall: 1 });
    expect(eq.gaps[2]).toMatchObject({ kind: 'unmet', shortfall: 1 });
    const ge = await judgeColumn('3.2', ['2', '3', '1']);
    expect(ge.gaps).toEqual([undefined, undefined, expect.objectContaining({ kind: 'unmet', shortfall: 1 })]);
    // Grouping marks follow the file's convention: "1,000" in a "," file, "1.000" in a ";" file.
    const grouped = await judgeColumn('3.1', ['1,000']);
    expect(grouped.gaps[0]).toMatchObject({ value: 1000, shortfall: 999 });
    const groupedVi = await judgeColumn('3.1', ['1.000'], [], ';');
    expect(groupedVi.gaps[0]).toMatchObject({ value: 1000, shortfall: 999 });
  });

  it('yes/no: must be yes, and must be no', async () => {
    const yes = await judgeColumn('4.1', ['Có', 'Không']);
    expect(yes.gaps).toEqual([
      undefined,
      expect.objectContaining({ kind: 'unmet', value: false, required: true, shortfall: null }),
    ]);
    const no = await judgeColumn('4.2', ['Không', 'Có']);
    expect(no.gaps).toEqual([
      undefined,
      expect.objectContaining({ kind: 'unmet', value: true, required: false, owner: 'Phòng Kinh tế và Hạ tầng' }),
    ]);
  });

  it('Đạt / Không đạt', async () => {
    const { gaps } = await judgeColumn('5.1', ['Đạt', 'Không đạt', 'đạt']);
    expect(gaps).toEqual([
      undefined,
      expect.objectContaining({ kind: 'unmet', value: false, required: true }),
      undefined,
    ]);
  });

  it('an enumerated level, at least "Hoàn thành tốt nhiệm vụ"', async () => {
    const { gaps } = await judgeColumn('6.1', [
      'Hoàn thành tốt nhiệm vụ',
      'hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ]);
    expect(gaps.slice(0, 2)).toEqual([undefined, undefined]);
    expect(gaps[2]).toMatchObject({
      kind: 'unmet',
      value: 'Hoàn thành nhiệm vụ',
      required: 'Hoàn thành tốt nhiệm vụ',
      shortfall: 1,
    });
    expect(gaps[3]).toMatchObject({ kind: 'unmet', shortfall: 2 });
  });
});

describe('values as people type them', () => {
  it('percentages: 80,5%  80.5  " 80,5 % "  with a non-breaking space, and 0,805 for a ratio unit', async () => {
    const { gaps } = await judgeColumn('1.1', ['80,5%', '80.5', ' 80,5 % ', '80,5\u00a0%', '\u00a080,5']);
    for (const g of gaps) expect(g).toMatchObject({ value: 80.5, shortfall: 14.5 });
    const ratio = await judgeColumn('1.3', ['0,805', '0.805', '80,5%', '0,79']);
    expect(ratio.gaps.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(ratio.gaps[3]).toMatchObject({ value: 79, shortfall: 1 });
  });

  it('money: 54.000.000, 54 triệu, 54.000.000 đồng, 54,5 and "44 500 000" in million đồng', async () => {
    const { gaps } = await judgeColumn('2.1', [
      '54.000.000',
      '54 triệu',
      '54.000.000 đồng',
      '54,5',
      '44 500 000',
      '44,5 tr',
    ]);
    expect(gaps.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(gaps[4]).toMatchObject({ value: 44.5, shortfall: 0.5 });
    expect(gaps[5]).toMatchObject({ value: 44.5, shortfall: 0.5 });
  });

  it('scale words in decomposed (NFD) text, past the rows read to find the header', async () => {
    // macOS may write NFD: "triệu" and "tỷ" with combining marks must still scale, on every row.
    const cells = Array.from({ length: 40 }, (_, i) => (i % 2 ? '44,5 triệu' : '0,0445 tỷ').normalize('NFD'));
    const { gaps } = await judgeColumn('2.1', cells);
    expect(gaps).toHaveLength(40);
    for (const g of gaps) expect(g).toMatchObject({ value: 44.5, shortfall: 0.5 });
  });

  it('decimal commas and grouping dots in a ";" file as Excel writes it in Vietnamese', async () => {
    const { gaps } = await judgeColumn('2.1', ['44,5', '1.044,5'], [], ';');
    expect(gaps[0]).toMatchObject({ value: 44.5 });
    expect(gaps[1]).toBeUndefined();
  });

  it('yes/no spellings: Có, có, CÓ, yes, Không, không, no', async () => {
    const { gaps } = await judgeColumn('4.1', ['Có', 'có', 'CÓ', 'yes', 'Không', 'không', 'no']);
    expect(gaps.map((g) => g?.kind ?? 'met')).toEqual(['met', 'met', 'met', 'met', 'unmet', 'unmet', 'unmet']);
  });

  it('takes "Đạt" / "Không đạt" in a value column as the official\'s verdict on the indicator', async () => {
    const { gaps } = await judgeColumn('1.1', ['Đạt', 'Không đạt', 'chưa đạt', 'đạt']);
    expect(gaps[0]).toBeUndefined();
    expect(gaps[1]).toMatchObject({ kind: 'unmet', value: 'Không đạt', required: 95, shortfall: null });
    expect(gaps[2]).toMatchObject({ kind: 'unmet', value: 'Không đạt' });
    expect(gaps[3]).toBeUndefined();
  });

  it('cannot judge a figure without a sourced threshold, but takes the official\'s "Đạt"', async () => {
    const { r, gaps } = await judgeColumn('3.3', ['2', 'Đạt', 'Không đạt']);
    expect(gaps[0]).toMatchObject({ kind: 'no-data', value: 2, required: null, reason: 'no-threshold' });
    expect(gaps[1]).toBeUndefined();
    expect(gaps[2]).toMatchObject({ kind: 'unmet', value: 'Không đạt', required: null });
    expect(r.stderr).toContain('1 indicator of "kiem-thu-xa" cannot be judged (no threshold in the set): 3.3');
  });

  it('refuses an unreadable value, naming the cell and what was expected; exit 2', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,1.1,2.1\nA,90,40\nB,chín mươi,40\nC,90,bốn mươi\n' });
    const r = await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'kiem-thu-xa']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'xa.csv')}:3:2: error: column "1.1": "chín mươi" is not understood; expected a percentage such as 80,5% or 80.5`,
    );
    expect(r.stderr).toContain(
      `${join(dir, 'xa.csv')}:4:3: error: column "2.1": "bốn mươi" is not understood; expected a number in triệu đồng/người/năm`,
    );
  });
});

describe('blank is no data, not unmet', () => {
  it('lists missing data as its own kind of gap, and the unit cannot be declared as meeting', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,1.1,1.2,1.3\nĐủ,96,5,0.9\nThiếu,96,,0.9\nKém,90,5,0.9\n' });
    const r = await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'kiem-thu-xa', '--format', 'json']);
    const [full, blank, low] = json(r).units as Unit[];
    expect(full.criteria[0]).toBe('met');
    expect(blank.criteria[0]).toBe('no-data');
    expect(blank.gaps.find((g) => g.indicator === '1.2')).toMatchObject({ kind: 'no-data', value: null, required: 6 });
    expect(low.criteria[0]).toBe('unmet');
    expect(low.gaps.find((g) => g.indicator === '1.1')).toMatchObject({ kind: 'unmet' });
    // No unit has all 7 criteria: the others have no column at all, named once in a warning.
    expect(r.stderr.match(/no column for/g)).toHaveLength(1);
    expect(r.stderr).toContain(
      'no column for 6 criteria/indicators, so no data for every unit: 2 Số đo; 3 Số lượng; 4 Có hay không; 5 Đạt hay không; 6 Xếp loại; 7 Văn hóa thôn',
    );
    expect(json(r).units.map((u: Unit) => u.status)).toEqual(['incomplete', 'incomplete', 'fails']);
  });

  it('shows the shortfall in the table: value, required, distance, owner', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,1.2,2.1\nBằng Vân,"8,2%",40\n' });
    const wide = { env: { COLUMNS: '200' } };
    const r = await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'kiem-thu-xa'], wide);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /Bằng Vân\s*│\s*1\. Tỷ lệ\s*│\s*1\.2 Tỷ lệ hộ nghèo\s*│\s*8\.2 %\s*│\s*≤ 6 % \*\s*│\s*2\.2 points\s*│\s*Phòng Lao động/,
    );
    expect(r.stdout).toMatch(
      /40 triệu đồng\/người\/năm\s+│\s*≥ 45 triệu đồng\/người\/năm \*\s*│\s*5 triệu đồng\/người\/năm\s*│/,
    );
    const vi = await ntm(
      ['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'kiem-thu-xa', '--lang', 'vi'],
      wide,
    );
    expect(vi.stdout).toMatch(/8,2 %\s*│\s*≤ 6 % \*\s*│\s*2,2 điểm %/);
  });
});

describe('unverified thresholds', () => {
  it('says which unverified thresholds the verdicts rely on', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,1.2,2.1\nBằng Vân,"8,2%",40\n' });
    const r = await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'kiem-thu-xa']);
    expect(r.stderr).toContain(
      'warning: 2 thresholds used here are not verified against the text of KIỂM THỬ: 1.2, 2.1',
    );
    expect(r.stderr).toContain("`ntm sets show kiem-thu-xa` shows each value's source");
    const marks = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '--quiet']);
    expect(marks.stderr).not.toContain('not verified');
  });
});

describe('region and year', () => {
  const incomes = (dir: string, ...args: string[]) =>
    ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'kiem-thu-xa', '--format', 'json', ...args]);

  it('--region switches the threshold column (codes and names, any case, with or without diacritics)', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,2.1\nA,50\n' });
    const tdmnpb = json(await incomes(dir));
    expect(tdmnpb.region).toBe('TDMNPB');
    expect(tdmnpb.units[0].gaps.find((g: Gap) => g.indicator === '2.1')).toBeUndefined();
    for (const region of ['ĐBSH', 'dbsh', 'DBSH', 'Đồng bằng sông Hồng', 'dong bang song hong']) {
      const out = json(await incomes(dir, '--region', region));
      expect(out.region).toBe('ĐBSH');
      expect(out.units[0].gaps.find((g: Gap) => g.indicator === '2.1')).toMatchObject({
        kind: 'unmet',
        required: 58,
        shortfall: 8,
      });
    }
  });

  it('--year switches the year column', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,2.1\nA,40\n' });
    expect(
      json(await incomes(dir, '--year', '2022')).units[0].gaps.find((g: Gap) => g.indicator === '2.1'),
    ).toBeUndefined();
    expect(
      json(await incomes(dir, '--year', '2023')).units[0].gaps.find((g: Gap) => g.indicator === '2.1'),
    ).toBeUndefined();
    expect(
      json(await incomes(dir, '--year', '2024')).units[0].gaps.find((g: Gap) => g.indicator === '2.1'),
    ).toMatchObject({ required: 45, shortfall: 5 });
  });

  it('rejects an unknown region with the list of codes; exit 2', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,2.1\nA,40\n' });
    const r = await incomes(dir, '--region', 'Bắc Cực');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: unknown region "Bắc Cực"');
    expect(r.stderr).toContain('TDMNPB (Trung du và miền núi phía Bắc)');
  });
});

describe('extends, --set FILE, --sets DIR and NTM_SETS', () => {
  it('a set extending another overrides one threshold and keeps the rest', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,1.1,1.2\nA,96,5\n' });
    const base = json(
      await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'kiem-thu-xa', '--format', 'json']),
    );
    const province = json(
      await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'kiem-thu-tinh', '--format', 'json']),
    );
    expect(base.units[0].gaps.find((g: Gap) => g.indicator === '1.1')).toBeUndefined();
    expect(province.units[0].gaps.find((g: Gap) => g.indicator === '1.1')).toMatchObject({
      required: 98,
      shortfall: 2,
    });
    expect(province.units[0].gaps.find((g: Gap) => g.indicator === '1.2')).toBeUndefined();
  });

  it('sets show says which values come from where', async () => {
    const r = await ntm(['sets', 'show', 'kiem-thu-tinh', '--sets', SETS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Extends: kiem-thu-xa');
    expect(r.stdout).toMatch(
      /1\.1 Tỷ lệ hộ sử dụng điện an toàn\n\s+≥ 98 % {2}⚠ on a value from a secondary source\n\s+Source: test override of 1\.1; unverified; from kiem-thu-tinh/,
    );
    expect(r.stdout).toMatch(
      /1\.2 Tỷ lệ hộ nghèo[^\n]*\n\s+≤ 6 % {2}⚠ on a value from a secondary source\n\s+Source: ntm test fixture \(no decision\); unverified; from kiem-thu-xa/,
    );
  });

  it('takes a YAML path for --set, and a folder from NTM_SETS', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,1.1\nA,96\n' });
    const r = await ntm(
      ['evaluate', join(dir, 'xa.csv'), '--set', fixture('sets/kiem-thu-tinh.yaml'), '--format', 'json'],
      { env: { NTM_SETS: SETS } },
    );
    expect(r.stderr).not.toContain('error');
    expect(json(r).set.id).toBe('kiem-thu-tinh');
    const noFile = await ntm(['evaluate', join(dir, 'xa.csv'), '--set', join(dir, 'khong-co.yaml')]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain(`${join(dir, 'khong-co.yaml')}: error: cannot read ${join(dir, 'khong-co.yaml')}`);
    const missing = await ntm(['evaluate', join(dir, 'xa.csv'), '--set', 'kiem-thu-tinh']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no criteria set "kiem-thu-tinh"');
  });
});

describe('marks and values together', () => {
  it('warns where a mark and the values of one criterion disagree, and follows the mark', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,1,1.1,1.2,1.3\nA,Đạt,90,5,0.9\nB,Đạt,96,5,0.9\n' });
    const r = await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'kiem-thu-xa', '--format', 'json']);
    expect(json(r).units.map((u: Unit) => u.criteria[0])).toEqual(['met', 'met']);
    expect(r.stderr).toContain('warning: A: criterion 1 (Tỷ lệ) is marked met, but its indicator values say not met');
    expect(r.stderr).not.toContain('B: criterion 1');
  });
});

describe('commune indicators computed from the villages (--villages)', () => {
  it("computes the share of each commune's villages meeting the village criterion", async () => {
    const head = 'Tên thôn,Tên xã,' + Array.from({ length: 16 }, (_, i) => String(i + 1)).join(',');
    const v = (name: string, commune: string, seven: string) =>
      `${name},${commune},${Array.from({ length: 16 }, (_, i) => (i === 6 ? seven : '1')).join(',')}`;
    const dir = tempDir({
      'thon.csv': [
        head,
        v('Nà Lạn', 'Vân Tùng', '1'),
        v('Pác Cáp', 'Vân Tùng', '1'),
        v('Nà Pài', 'Vân Tùng', ''),
        v('Khuổi Bốc', 'Cốc Đán', ''),
        v('Bản Mạch', 'Cốc Đán', ''),
      ].join('\n'),
      'xa.csv': 'Tên xã,7.1\nVân Tùng,\nCốc Đán,\n',
    });
    const r = await ntm([
      'evaluate',
      join(dir, 'xa.csv'),
      '--villages',
      join(dir, 'thon.csv'),
      '--sets',
      SETS,
      '--set',
      'kiem-thu-xa',
      '--format',
      'json',
    ]);
    expect(r.stderr).not.toContain('error');
    const [vanTung, cocDan] = json(r).units as Unit[];
    expect(vanTung.criteria[6]).toBe('met');
    expect(cocDan.criteria[6]).toBe('unmet');
    expect(cocDan.gaps.find((g) => g.indicator === '7.1')).toMatchObject({ value: 0, required: 50, shortfall: 50 });
    const without = json(
      await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'kiem-thu-xa', '--format', 'json']),
    );
    expect(without.units[0].criteria[6]).toBe('no-data');
  });
});
