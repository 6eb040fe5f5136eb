import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, json, ntm, tempDir } from './helpers/cli.js';
import { readXlsx, sheetRows } from './reports-helpers.js';

const T = (name: string) => join('tests/progress', name);
const THON = [T('thon-2021.csv'), '--baseline', T('thon-2020.csv')];
const XA = ['fixtures/ngan-son-xa-2021.csv', '--set', 'bac-kan-xa-2017', '--baseline', 'fixtures/bac-kan-xa-2020.csv'];
const NGAN_SON_TARGETS = fixture('targets/ngan-son-2021.targets.yaml');

describe('--baseline: progress against last year', () => {
  it('says which criteria a unit gained and lost, and the change in the totals', async () => {
    const r = await ntm(['evaluate', ...THON, '--format', 'json']);
    const { progress } = json(r);
    expect(progress.baseline).toBe(T('thon-2020.csv'));
    expect(progress.units.find((u: { name: string }) => u.name === 'Nà Cà')).toMatchObject({
      parent: 'Trung Hòa',
      before: 11,
      after: 11,
      gained: ['12'],
      lost: ['5'],
      status: 'same',
    });
    expect(progress.units.find((u: { name: string }) => u.name === 'Khu Chợ')).toMatchObject({
      before: null,
      after: 10,
      status: 'new',
    });
    expect(progress.units.find((u: { name: string }) => u.name === 'Bản Chang')).toMatchObject({
      before: 8,
      after: null,
      status: 'gone',
    });
    expect(progress.totals).toMatchObject({
      meeting: { before: 1, after: 3, change: 2 },
      averageMet: { before: 12.86, after: 13.57, change: 0.71 },
      losing: 1,
    });
  });

  it('reports a renamed unit as likely the same, and matches it only with --match-near or an alias', async () => {
    const plain = await ntm(['evaluate', ...THON, '--format', 'json']);
    expect(json(plain).progress.likely).toEqual([
      { name: 'Bản Phạc', parent: 'Trung Hòa', baselineName: 'Bản Phác', matched: false },
    ]);
    expect(plain.stderr).toContain(
      'warning: Bản Phạc (Trung Hòa) is likely "Bản Phác" of the baseline (one letter or one tone mark apart); not matched: counted as new, and the other as gone',
    );
    expect(plain.stderr).toContain('hint: Add --match-near to match them, or pair the names in an --aliases file.');
    const statusOf = (r: typeof plain, name: string) =>
      json(r).progress.units.filter((u: { name: string }) => u.name === name);
    expect(statusOf(plain, 'Bản Phạc').map((u: { status: string }) => u.status)).toEqual(['new']);
    expect(statusOf(plain, 'Bản Phác').map((u: { status: string }) => u.status)).toEqual(['gone']);

    for (const how of [['--match-near'], ['--aliases', T('aliases.csv')]]) {
      const matched = await ntm(['evaluate', ...THON, ...how, '--format', 'json']);
      expect(statusOf(matched, 'Bản Phạc')).toEqual([
        expect.objectContaining({ baselineName: 'Bản Phác', before: 15, after: 16, gained: ['7'], status: 'same' }),
      ]);
      expect(statusOf(matched, 'Bản Phác')).toEqual([]);
    }
  });

  it('in Vietnamese, the likely unit is said in Vietnamese', async () => {
    // --quiet counts warnings without printing them: the report goes to standard output instead.
    const r = await ntm(['evaluate', ...THON, '--lang', 'vi', '--format', 'json']);
    expect(r.stderr).toContain('cảnh báo: Bản Phạc (Trung Hòa) có lẽ là "Bản Phác" trong tệp năm trước');
  });

  it('an aliases row that is not a pair of names stops the run at its line', async () => {
    const dir = tempDir({ 'aliases.csv': 'Bản Phạc,Bản Phác\nNà Cà\n' });
    const r = await ntm(['evaluate', ...THON, '--aliases', join(dir, 'aliases.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'aliases.csv')}:2: error: this row has 1 cell; an aliases file has two: the name in the survey and the name in the baseline`,
    );
  });
});

describe('--targets: the plan, judged', () => {
  it('a target met exactly at its bound is met; with every target met the exit code is 0', async () => {
    const r = await ntm(['evaluate', ...THON, '--match-near', '--targets', T('thon.targets.yaml'), '--format', 'json']);
    expect(r.code).toBe(0);
    const { targets, plan } = json(r);
    expect(plan).toMatchObject({
      document: 'Kế hoạch xây dựng thôn nông thôn mới năm 2021',
      targetsFile: 'thon.targets.yaml',
    });
    expect(targets).toEqual([
      {
        label: 'Cốc Phia (Cốc Đán): gain at least 1 criterion',
        source: {
          document: 'Kế hoạch xây dựng thôn nông thôn mới năm 2021',
          line: 12,
          quote: 'thôn Cốc Phia hoàn thành thêm 01 tiêu chí',
        },
        comparison: '>=',
        target: 1,
        actual: 1,
        lastYear: 13,
        met: true,
        shortfall: 0,
      },
      expect.objectContaining({
        label: 'Nà Pài (Cốc Đán): meets the standard',
        target: true,
        actual: true,
        lastYear: false,
        met: true,
      }),
      expect.objectContaining({
        label: 'Units meeting the standard ≥ 3',
        target: 3,
        actual: 3,
        lastYear: 1,
        met: true,
        shortfall: 0,
      }),
      expect.objectContaining({ label: 'Units gaining at least 1 criterion ≥ 2', target: 2, actual: 3, met: true }),
    ]);
  });

  it('the Ngân Sơn plan on two years of its communes: per-commune and aggregate targets, exit 1 when some are missed', async () => {
    const r = await ntm(['evaluate', ...XA, '--targets', NGAN_SON_TARGETS, '--match-near', '--format', 'json']);
    expect(r.code).toBe(1);
    const rows = json(r).targets.map(
      (t: { label: string; target: number; actual: number; met: boolean; shortfall: number }) => [
        t.label,
        t.target,
        t.actual,
        t.met,
        t.shortfall,
      ],
    );
    expect(rows).toEqual([
      ['Đức Vân (Ngân Sơn): gain at least 2 criteria', 2, 3, true, 0],
      ['Thuần Mang (Ngân Sơn): gain at least 2 criteria', 2, 1, false, 1],
      ['Hiệp Lực (Ngân Sơn): gain at least 2 criteria', 2, 3, true, 0],
      ['Bằng Vân (Ngân Sơn): gain at least 3 criteria', 3, 5, true, 0],
      ['Thượng Ân (Ngân Sơn): gain at least 1 criterion', 1, 3, true, 0],
      ['Thượng Quan (Ngân Sơn): gain at least 1 criterion', 1, 0, false, 1],
      ['Cốc Đán (Ngân Sơn): gain at least 1 criterion', 1, 2, true, 0],
      ['Trung Hòa (Ngân Sơn): gain at least 1 criterion', 1, 1, true, 0],
      ['Average criteria met per unit ≥ 12', 12, 11, false, 1],
    ]);
    expect(
      json(r).targetsNotEvaluated.map((s: { for: string; source: { line: number } }) => [s.source.line, s.for]),
    ).toEqual([
      [39, 'bac-kan-xa-nang-cao-2018'],
      [41, 'thon'],
    ]);
    expect(r.stderr).toContain('warning: 2 targets are not for this run (set "bac-kan-xa-2017")');
  });

  it('a target naming a unit the survey spells differently stops the run, naming the likely unit', async () => {
    const r = await ntm(['evaluate', ...XA, '--targets', NGAN_SON_TARGETS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${NGAN_SON_TARGETS}:33: error: a target names Thuận Mang, and the survey has no such unit; likely "Thuần Mang"`,
    );
  });

  it('targets that compare with last year without --baseline stop the run', async () => {
    const r = await ntm([
      'evaluate',
      'fixtures/ngan-son-xa-2021.csv',
      '--set',
      'bac-kan-xa-2017',
      '--targets',
      NGAN_SON_TARGETS,
      '--match-near',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "error: 5 targets compare with last year (lines 33, 33, 33, 33, 35 of the targets file) and need last year's results",
    );
  });

  it("an aggregate indicator target: the mean of the communes' values against the plan", async () => {
    const dir = tempDir();
    const file = join(dir, 'bg.targets.yaml');
    writeFileSync(
      file,
      'plan: { document: Kế hoạch Bắc Giang 2024, issuer: UBND tỉnh Bắc Giang, year: 2024 }\ntotals:\n  - indicator: "10"\n    at_least: 54\n    source: { line: 49, quote: "thu nhập bình quân đầu người khu vực nông thôn đạt 54 triệu đồng/người/năm" }\n  - indicator: "11"\n    at_most: 1.8\n    source: { line: 49, quote: "giảm còn 1,8%" }\n',
    );
    const r = await ntm(['evaluate', 'fixtures/bac-giang-xa-2024.csv', '--targets', file, '--format', 'json']);
    const [income, poverty] = json(r).targets;
    expect(income).toMatchObject({
      label:
        '10 Thu nhập bình quân đầu người khu vực nông thôn (mean of the units, unweighted) ≥ 54 triệu đồng/người/năm',
      target: 54,
      met: false,
    });
    expect(income.actual).toBeCloseTo((57.4 + 51.2 + 46.8 + 42.3 + 58.6) / 5, 3);
    expect(poverty).toMatchObject({ comparison: '<=', target: 1.8, met: false });
    expect(poverty.actual).toBeCloseTo((1.32 + 2.95 + 2.1 + 6.85 + 9.42 + 1.05) / 6, 3);
    expect(r.code).toBe(1);
  });

  it('a mistake in the targets file stops the run at its line and column, before any survey is read', async () => {
    const dir = tempDir({
      'bad.yaml':
        'plan: { document: K, issuer: U, year: 2021 }\ntotals:\n  - average_met: 12\n    sourse: { line: 1, quote: x }\n',
    });
    const r = await ntm(['evaluate', ...XA, '--targets', join(dir, 'bad.yaml')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'bad.yaml')}:4:5: error: unknown key "sourse" in totals[0]`);
    expect(r.stderr).toContain('hint: did you mean "source"?');
  });
});

describe('--by parent: roll-ups', () => {
  it('a village file rolled up per commune: units, units meeting, average met, criteria most missed', async () => {
    const r = await ntm(['evaluate', T('thon-2021.csv'), '--by', 'parent', '--format', 'json']);
    expect(
      json(r).byParent.map((p: { name: string; units: number; meeting: number; averageMet: number }) => [
        p.name,
        p.units,
        p.meeting,
        p.averageMet,
      ]),
    ).toEqual([
      ['Cốc Đán', 2, 1, 15],
      ['Trung Hòa', 2, 1, 13.5],
      ['Thượng Ân', 2, 1, 14],
      ['Bằng Vân', 1, 0, 10],
    ]);
    expect(json(r).byParent[0].mostMissed).toEqual([
      { criterion: '4', name: 'Giao thông', units: 1 },
      { criterion: '6', name: 'Điện', units: 1 },
    ]);
  });
});

describe('the official summary', () => {
  it("gives the units by band of criteria met, following the set's size, and the share meeting each criterion", async () => {
    const r = await ntm(['evaluate', ...XA, '--format', 'json']);
    const { summary } = json(r);
    expect(summary.bands).toEqual([
      { from: 19, to: 19, units: 1 },
      { from: 15, to: 18, units: 3 },
      { from: 10, to: 14, units: 0 },
      { from: 5, to: 9, units: 4 },
      { from: 0, to: 4, units: 1 },
    ]);
    expect(summary.criteriaMet[0]).toEqual({ criterion: '1', name: 'Quy hoạch', units: 9, share: 100 });
    const annex = json(await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '--format', 'json'])).summary;
    expect(annex.bands.map((b: { from: number; to: number }) => `${b.from}–${b.to}`)).toEqual([
      '16–16',
      '12–15',
      '8–11',
      '4–7',
      '0–3',
    ]);
  });
});

describe('progress in every report format', () => {
  const RUN = ['evaluate', ...XA, '--targets', NGAN_SON_TARGETS, '--match-near'];

  it('Markdown: the table offices report in, last year | plan | achieved | % of plan', async () => {
    const r = await ntm([...RUN, '--format', 'markdown']);
    expect(r.stdout).toContain('| Target | Last year | Plan | Achieved | % of plan | Status | Source |');
    expect(r.stdout).toContain(
      '| Đức Vân (Ngân Sơn): gain at least 2 criteria | 12 | 14 | 15 | 107.14 | Met | line 33 |',
    );
    expect(r.stdout).toContain('| Average criteria met per unit ≥ 12 | 8.56 | 12 | 11 | 91.67 | Not met | line 37 |');
    expect(r.stdout).toContain('| Đức Vân | Ngân Sơn | 12 | 15 | 2, 5, 9, 18 | 16 |  |');
    expect(r.stdout).toContain('| 15–18 | 3 |');
  });

  it('XLSX: the targets and progress tables on their own sheet, numbers as numbers', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.xlsx');
    await ntm([...RUN, '-o', out]);
    const wb = await readXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annex', 'Gaps', 'Summary', 'Progress against the plan']);
    const rows = sheetRows(wb.getWorksheet('Progress against the plan')!);
    expect(rows).toContainEqual(['Target', 'Last year', 'Plan', 'Achieved', '% of plan', 'Status', 'Source']);
    expect(rows).toContainEqual(['Bằng Vân (Ngân Sơn): gain at least 3 criteria', 13, 16, 18, 112.5, 'Met', 'line 33']);
    expect(sheetRows(wb.getWorksheet('Summary')!)).toContainEqual(['15–18', 3]);
  });

  it('HTML: units by band, the share meeting each criterion and targets against actual drawn as inline SVG', async () => {
    const r = await ntm([...RUN, '--format', 'html']);
    const charts = r.stdout.match(/<figure class="chart"><figcaption>[^<]*/g)?.map((f) => f.replace(/.*>/, ''));
    expect(charts).toEqual([
      'Units by criteria met',
      'Share of units meeting each criterion',
      'Progress against the plan',
    ]);
    expect(r.stdout).toContain('<title>Thuần Mang (Ngân Sơn): gain at least 2 criteria: 5 / 6</title>');
    expect(r.stdout).not.toMatch(/(src|href)=/);
  });
});

describe('progress on the streamed run', () => {
  it('a baseline of another level stops the run before any report is begun', async () => {
    const r = await ntm([
      'evaluate',
      T('thon-2021.csv'),
      '--baseline',
      'fixtures/bac-giang-xa-2024.csv',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'fixtures/bac-giang-xa-2024.csv: error: the baseline is a survey of commune units and this one of village units',
    );
  });

  it('a target naming no unit of the survey: the report is whole, the error follows it, exit 2', async () => {
    const r = await ntm(['evaluate', ...XA, '--targets', NGAN_SON_TARGETS, '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = json(r);
    expect(doc.units).toHaveLength(9);
    expect(doc.targets).toBeUndefined();
    expect(doc.errors).toEqual([expect.objectContaining({ kind: 'target-unit-unknown', line: 33 })]);
  });

  it('the terminal table ends with the plan, the progress and the roll-up', async () => {
    const r = await ntm(['evaluate', ...THON, '--match-near', '--targets', T('thon.targets.yaml'), '--by', 'parent']);
    expect(r.code).toBe(0);
    const titles = ['Progress against the plan', `Against last year (${T('thon-2020.csv')})`, 'By parent'];
    const at = titles.map((title) => r.stdout.indexOf(title));
    expect(at.every((i) => i > r.stdout.indexOf('Summary: '))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(r.stdout).toContain('Units by criteria met: 16: 3; 12–15: 2; 8–11: 2; 4–7: 0; under 4: 0');
  });

  it('--quiet --format json: the summary with its bands, and the progress keys', async () => {
    const r = await ntm(['evaluate', ...THON, '--quiet', '--format', 'json', '--by', 'parent']);
    const doc = json(r);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['summary', 'progress', 'byParent']));
    expect(doc.summary.bands[0]).toEqual({ from: 16, to: 16, units: 3 });
    // Seven units of this year, and two of last year's gone (Bản Phác is Bản Phạc, not matched here).
    expect(doc.progress.units).toHaveLength(9);
  });
});
