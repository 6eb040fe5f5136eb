import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, ntm, ROOT, tempDir } from './helpers/cli.js';

// tests/sets-2026/*.yaml: test variants of the shipped 2026–2030, advanced and model-commune sets.
const SETS = join(ROOT, 'tests/sets-2026');

interface Gap {
  criterion: string;
  indicator?: string;
  kind: string;
  required: unknown;
  shortfall: number | null;
  basis?: string;
}
interface Unit {
  name: string;
  parent: string;
  status: string;
  group?: number;
  criteria: string[];
  bases: (string | null)[];
  gaps: Gap[];
}

const units = (r: { stdout: string }) => json(r as never).units as Unit[];
const marks10 = (v: string) => Array.from({ length: 10 }, () => v).join(',');
const TC = Array.from({ length: 10 }, (_, i) => `TC${i + 1}`).join(',');

describe('the 2026–2030 set (51/2025/QĐ-TTg)', () => {
  it('is listed, with the model-commune set', async () => {
    const r = await ntm(['sets', 'list']);
    expect(r.stdout).toMatch(/^quoc-gia-xa-2026\s+xa\s+10 criteria\s+51\/2025\/QĐ-TTg \(2025-12-29\)/m);
    expect(r.stdout).toMatch(/^quoc-gia-xa-kieu-mau-2021\s+xa\s+4 criteria\s+319\/QĐ-TTg \(2022-03-08\)/m);
  });

  it('sets show says it is judged by marks and gives the commune groups', async () => {
    const r = await ntm(['sets', 'show', 'quoc-gia-xa-2026']);
    expect(r.stdout).toContain(
      'This set has no indicators or thresholds yet: each criterion is judged by the Đạt / Không đạt mark',
    );
    expect(r.stdout).toContain('Xã nhóm 3 (group 3): area II and area III communes');
    expect(r.stdout).toMatch(/^10\. Tiếp cận pháp luật và an ninh, quốc phòng .*\[UBND xã – Văn phòng HĐND và UBND\]/m);
  });

  it('reads TC1…TC10 and the criterion names as its mark columns; the province is the parent', async () => {
    const names = [
      'Quy hoạch',
      'Hạ tầng kinh tế - xã hội',
      'Phát triển kinh tế nông thôn',
      'Đào tạo nguồn nhân lực nông thôn',
      'Văn hóa, giáo dục, y tế',
      'Giảm nghèo và an sinh xã hội',
      'Khoa học công nghệ và chuyển đổi số',
      'Môi trường và cảnh quan nông thôn',
      'Xây dựng hệ thống chính trị và hành chính công',
      'Tiếp cận pháp luật và an ninh, quốc phòng',
    ];
    const dir = tempDir({
      'tc.csv': [
        `Tên xã,Tỉnh,${TC}`,
        `Vân Tùng,Thái Nguyên,${marks10('x')}`,
        `Tân Yên,Bắc Ninh,${marks10('x').replace(/x$/, '')}`,
      ].join('\n'),
      'ten.csv': [
        `Tên xã,Tỉnh/thành phố,${names.map((n) => `"${n}"`).join(',')}`,
        `Vân Tùng,Thái Nguyên,${marks10('Đạt')}`,
      ].join('\n'),
    });
    const tc = await ntm(['evaluate', join(dir, 'tc.csv'), '--set', 'quoc-gia-xa-2026', '--format', 'json']);
    expect(tc.code).toBe(1);
    expect(units(tc).map((u) => [u.name, u.parent, u.status])).toEqual([
      ['Vân Tùng', 'Thái Nguyên', 'meets'],
      ['Tân Yên', 'Bắc Ninh', 'fails'],
    ]);
    expect(units(tc)[0]!.bases).toEqual(Array(10).fill('mark'));
    const byName = await ntm(['evaluate', join(dir, 'ten.csv'), '--format', 'json']);
    expect(byName.stderr).toContain('quoc-gia-xa-2026');
    expect(byName.code).toBe(0);
    expect(units(byName)[0]!.parent).toBe('Thái Nguyên');
  });
});

describe('commune groups', () => {
  const csv = [
    'Tên xã,Tỉnh,Nhóm xã,6.1',
    'A,Thái Nguyên,1,1.5',
    'B,Thái Nguyên,Nhóm 2,1.5',
    'C,Thái Nguyên,xã nhóm 3,4.5',
    'D,Thái Nguyên,,4.5',
  ].join('\n');

  it('a "Nhóm xã" column picks each commune\'s thresholds; --group covers the blank ones', async () => {
    const dir = tempDir({ 'xa.csv': csv });
    const r = await ntm([
      'evaluate',
      join(dir, 'xa.csv'),
      '--sets',
      SETS,
      '--set',
      'nhom-thu',
      '--group',
      '3',
      '--format',
      'json',
    ]);
    const gap = (u: Unit) => u.gaps.find((g) => g.indicator === '6.1');
    const [a, b, c, d] = units(r);
    expect(a!.group).toBe(1);
    expect(gap(a!)).toMatchObject({ kind: 'unmet', required: 1, shortfall: 0.5, basis: 'secondary' });
    expect(b!.group).toBe(2);
    expect(gap(b!)).toBeUndefined();
    expect(c!.group).toBe(3);
    expect(gap(c!)).toBeUndefined();
    expect(d!.group).toBe(3);
    expect(gap(d!)).toBeUndefined();
    expect(json(r).summary.bases).toEqual({ verified: 0, secondary: 4, mark: 0 });
  });

  it('without a group the threshold is not judged, and ntm says to give one', async () => {
    const dir = tempDir({ 'xa.csv': ['Tên xã,6.1', 'A,1.5'].join('\n') });
    const r = await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'nhom-thu', '--format', 'json']);
    expect(r.stderr).toContain('depends on the commune group (1, 2, 3): give --group or a "Nhóm xã" column');
    expect(units(r)[0]!.gaps.find((g) => g.indicator === '6.1')).toMatchObject({ kind: 'no-data' });
  });

  it('refuses a group that is not 1, 2 or 3, in the option and in the column; exit 2', async () => {
    const dir = tempDir({ 'xa.csv': ['Tên xã,Nhóm xã,6.1', 'A,4,1.5'].join('\n') });
    const cell = await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'nhom-thu']);
    expect(cell.code).toBe(2);
    expect(cell.stderr).toMatch(
      /xa\.csv:2:2: error: column "Nhóm xã": "4" is not understood; expected the commune group: 1, 2 or 3/,
    );
    const opt = await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', SETS, '--set', 'nhom-thu', '--group', '4']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain('unknown commune group "4"');
  });

  it("sets show --group shows that group's column only", async () => {
    const r = await ntm(['sets', 'show', 'nhom-thu', '--sets', SETS, '--group', '2']);
    expect(r.stdout).toMatch(/6\.1 Tỷ lệ nghèo đa chiều\n\s+nhóm 2: ≤ 2 % {2}⚠ on a value from a secondary source/);
    expect(r.stdout).not.toContain('nhóm 1:');
    expect(r.stdout).not.toContain('nhóm 3:');
    const all = await ntm(['sets', 'show', 'nhom-thu', '--sets', SETS]);
    expect(all.stdout).toMatch(/nhóm 1: ≤ 1 %[^\n]*\n\s+nhóm 2: ≤ 2 %[^\n]*\n\s+nhóm 3: ≤ 5 %/);
  });
});

describe('model communes (319/QĐ-TTg): income relative to the advanced set', () => {
  const header =
    'Tên xã,1. Đạt chuẩn nông thôn mới nâng cao giai đoạn 2021 - 2025,2,3 Số mô hình thôn thông minh,4. Đạt tiêu chí xã nông thôn mới kiểu mẫu theo ít nhất một lĩnh vực nổi trội';

  it("judges income against 1.1 × the advanced set's threshold, in the same region", async () => {
    const dir = tempDir({ 'km.csv': [header, 'A,Đạt,66,1,Đạt', 'B,Đạt,65.9,2,Đạt', 'C,Đạt,70,0,Đạt'].join('\n') });
    const r = await ntm(['evaluate', join(dir, 'km.csv'), '--sets', SETS, '--set', 'kieu-mau-thu', '--format', 'json']);
    const [a, b, c] = units(r);
    expect(a!.status).toBe('meets');
    expect(b!.status).toBe('fails');
    expect(b!.gaps).toEqual([
      expect.objectContaining({ criterion: '2', indicator: '2', required: 66, shortfall: 0.1, basis: 'verified' }),
    ]);
    expect(c!.gaps).toEqual([
      expect.objectContaining({ criterion: '3', indicator: '3', required: 1, shortfall: 1, basis: 'secondary' }),
    ]);
    const dbsh = await ntm([
      'evaluate',
      join(dir, 'km.csv'),
      '--sets',
      SETS,
      '--set',
      'kieu-mau-thu',
      '--region',
      'ĐBSH',
      '--format',
      'json',
    ]);
    expect(units(dbsh)[0]!.gaps[0]).toMatchObject({ indicator: '2', required: 88 });
  });

  it('sets show gives the rule and what it comes to', async () => {
    const r = await ntm(['sets', 'show', 'kieu-mau-thu', '--sets', SETS]);
    expect(r.stdout).toMatch(/≥ 1\.1 × the threshold of nang-cao-thu 10[^\n]*\n\s+→ ≥ 66 triệu đồng\/người\/năm/);
  });

  it('with the shipped advanced set (no income value) the income is judged by its mark', async () => {
    const dir = tempDir({
      'km.csv': [header, 'A,Đạt,66,1,Đạt'].join('\n'),
      'mark.csv': ['Tên xã,1,2,3,4', 'A,Đạt,Đạt,Đạt,Đạt'].join('\n'),
    });
    const values = await ntm([
      'evaluate',
      join(dir, 'km.csv'),
      '--set',
      'quoc-gia-xa-kieu-mau-2021',
      '--format',
      'json',
    ]);
    expect(units(values)[0]!.status).toBe('incomplete');
    expect(values.stderr).toContain('which has no usable threshold (no threshold in the set)');
    const marks = await ntm([
      'evaluate',
      join(dir, 'mark.csv'),
      '--set',
      'quoc-gia-xa-kieu-mau-2021',
      '--format',
      'json',
    ]);
    expect(marks.code).toBe(0);
    expect(units(marks)[0]!.bases).toEqual(['mark', 'mark', 'mark', 'mark']);
  });

  it('refuses a rule relative to a set that does not exist; exit 2', async () => {
    const dir = tempDir({
      'bad.yaml': [
        'id: bad-ref',
        'name: x',
        'level: xa',
        'source: { document: X, date: 2024-01-01, issuer: t }',
        'criteria:',
        '  - id: "1"',
        '    name: Thu nhập',
        '    indicators:',
        '      - { id: "1", name: Thu nhập, type: number, threshold: { relative_to: { set: khong-co, indicator: "10" }, factor: 1.1 }, source: t }',
      ].join('\n'),
    });
    const r = await ntm(['sets', 'show', 'bad-ref', '--sets', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'its threshold is relative to indicator 10 of "khong-co", but "khong-co" is not another known set',
    );
  });
});

describe('no value without a source', () => {
  it('a threshold that cites no source is not judged: the mark decides, or there is no verdict', async () => {
    const dir = tempDir({ 'x.csv': ['Tên xã,Hộ nghèo,1.1,2.1', 'A,Đạt,10,90', 'B,,3,90'].join('\n') });
    const r = await ntm(['evaluate', join(dir, 'x.csv'), '--sets', SETS, '--set', 'khong-nguon', '--format', 'json']);
    expect(r.stderr).toContain('1 indicator of "khong-nguon" cannot be judged (the threshold cites no source): 1.1');
    const [a, b] = units(r);
    expect(a!.status).toBe('meets');
    expect(a!.bases).toEqual(['mark', 'secondary']);
    // B's blank mark leaves its values to decide, and its poverty value cannot be judged.
    expect(b!.status).toBe('incomplete');
    expect(b!.criteria[0]).toBe('no-data');
  });

  it('1980: poverty is no longer judged against the national 6 % in the TDMNPB column', async () => {
    const dir = tempDir({
      'x.csv': [
        'Tên xã,Tên huyện,Tỷ lệ hộ nghèo,Hộ nghèo',
        'Vân Tùng,Ngân Sơn,15.9,Đạt',
        'Bằng Vân,Ngân Sơn,15.9,',
      ].join('\n'),
    });
    const r = await ntm(['evaluate', join(dir, 'x.csv'), '--set', 'bac-kan-xa-2017', '--format', 'json']);
    const [vt, bv] = units(r);
    expect(vt!.criteria[10]).toBe('met');
    expect(vt!.bases[10]).toBe('mark');
    expect(vt!.gaps.some((g) => g.criterion === '11')).toBe(false);
    expect(bv!.criteria[10]).toBe('no-data');
    expect(r.stderr).toMatch(/cannot be judged \(no threshold in the set\): [^\n]*\b11\b/);
    const show = await ntm(['sets', 'show', 'quoc-gia-xa-2016']);
    expect(show.stdout).toMatch(/11 Tỷ lệ hộ nghèo đa chiều giai đoạn 2016-2020[^\n]*\n\s+no threshold/);
  });

  it('reports say what each verdict rests on and count them', async () => {
    const dir = tempDir({ 'x.csv': ['Tên xã,Hộ nghèo,1.1,2.1', 'A,Không đạt,10,80'].join('\n') });
    const r = await ntm([
      'evaluate',
      join(dir, 'x.csv'),
      '--sets',
      SETS,
      '--set',
      'khong-nguon',
      '--format',
      'markdown',
    ]);
    expect(r.stdout).toContain('| 1 | A |  | 1. Hộ nghèo |  | Not met | Met |  |  |');
    expect(r.stdout).toContain('| 80 % | ≥ 85 % \\* | 5 points |');
    expect(r.stdout).toContain('\\* unverified');
    expect(r.stdout).toContain('- Criterion verdicts resting on: verified 0 · secondary source 1 · by mark 1');
    const quiet = await ntm(['evaluate', join(dir, 'x.csv'), '--sets', SETS, '--set', 'khong-nguon', '-q']);
    expect(quiet.stdout).toContain('Criterion verdicts resting on: verified 0 · secondary source 1 · by mark 1');
  });

  it('318 criterion 5 as the education ministry publishes it: the level-1 share depends on the number of schools', async () => {
    const dir = tempDir({
      'x.csv': ['Tên xã,5.1,5.2,5.3', 'A,100,60,3', 'B,100,60,5', 'C,100,60,', 'D,90,80,5'].join('\n'),
    });
    const r = await ntm(['evaluate', join(dir, 'x.csv'), '--set', 'quoc-gia-xa-2021', '--format', 'json']);
    const five = units(r).map((u) => [
      u.criteria[4],
      u.gaps.filter((g) => g.criterion === '5').map((g) => [g.indicator, g.kind, g.required, g.shortfall]),
    ]);
    expect(five).toEqual([
      ['met', []],
      ['unmet', [['5.2', 'unmet', 70, 10]]],
      ['no-data', [['5.2', 'no-data', null, null]]],
      ['unmet', [['5.1', 'unmet', 100, 10]]],
    ]);
    const dbsh = await ntm([
      'evaluate',
      join(dir, 'x.csv'),
      '--set',
      'quoc-gia-xa-2021',
      '--region',
      'ĐBSH',
      '--format',
      'json',
    ]);
    expect(units(dbsh)[0]!.gaps.find((g) => g.criterion === '5')).toMatchObject({
      indicator: '5.2',
      required: 100,
      shortfall: 40,
    });
  });
});
