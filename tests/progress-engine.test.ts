import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTargetsSource } from '../src/criteria/load-targets.js';
import type { TargetsFile } from '../src/criteria/targets-schema.js';
import { bandBounds, bandsOf } from '../src/engine/bands.js';
import { ProgressTracker, type UnitRecord } from '../src/engine/progress.js';
import { RollupBuilder } from '../src/engine/rollup.js';
import { evaluateTargets, type TargetRun, type UnitFact } from '../src/engine/targets.js';
import type { CriterionStatus, UnitResult } from '../src/engine/types.js';
import { nameKey, nearMiss } from '../src/engine/unit-names.js';
import { InputError } from '../src/problems.js';
import { targetLabeller } from '../src/reports/target-labels.js';
import { ROOT } from './helpers/cli.js';

const rec = (name: string, parent: string, met: string[], meets = false): UnitRecord => ({ name, parent, met, meets });

describe('summary bands', () => {
  it('are the official bands for 19 criteria, and follow the rule for other sizes', () => {
    expect(bandBounds(19)).toEqual([
      { from: 19, to: 19 },
      { from: 15, to: 18 },
      { from: 10, to: 14 },
      { from: 5, to: 9 },
      { from: 0, to: 4 },
    ]);
    expect(bandBounds(16)).toEqual([
      { from: 16, to: 16 },
      { from: 12, to: 15 },
      { from: 8, to: 11 },
      { from: 4, to: 7 },
      { from: 0, to: 3 },
    ]);
    expect(bandBounds(2)).toEqual([
      { from: 2, to: 2 },
      { from: 1, to: 1 },
      { from: 0, to: 0 },
    ]);
  });

  it('count every unit once', () => {
    const histogram = Array.from({ length: 20 }, (_, k) => (k === 19 ? 2 : k === 15 || k === 14 ? 1 : k === 4 ? 3 : 0));
    expect(bandsOf(histogram, 19).map((b) => b.units)).toEqual([2, 1, 1, 0, 3]);
  });
});

describe('unit names', () => {
  it('match after NFC, case and spacing, never without their diacritics', () => {
    expect(nameKey('Thu\u00e2\u0300n  Mang ')).toBe(nameKey('thuần mang'));
    expect(nameKey('Văn Tùng')).not.toBe(nameKey('Vân Tùng'));
  });

  it('one letter or one tone mark apart, or a tone mark placed differently, are near misses', () => {
    const near = (a: string, b: string) => nearMiss(nameKey(a), nameKey(b));
    expect(near('Thuận Mang', 'Thuần Mang')).toBe(true);
    expect(near('Vân Tùng', 'Văn Tùng')).toBe(true);
    expect(near('Trung Hòa', 'Trung Hoà')).toBe(true);
    expect(near('Cốc Đán', 'Cốc Đán')).toBe(false);
    expect(near('Bằng Vân', 'Đức Vân')).toBe(false);
  });
});

describe('progress against a baseline', () => {
  const baseline = [
    rec('Đức Vân', 'Ngân Sơn', ['1', '2', '3']),
    rec('Thuận Mang', 'Ngân Sơn', ['1']),
    rec('Lãng Ngâm', 'Ngân Sơn', ['1', '2']),
    rec('Vân Tùng', 'Ngân Sơn', ['1', '2', '3', '4'], true),
  ];
  const current = [
    rec('Đức Vân', 'Ngân Sơn', ['1', '3', '4', '5']),
    rec('Thuần Mang', 'Ngân Sơn', ['1', '2']),
    rec('Vân Tùng', 'Ngân Sơn', ['1', '2', '3', '4'], true),
    rec('Nà Phặc', 'Ngân Sơn', ['1']),
  ];
  const build = (opts: ConstructorParameters<typeof ProgressTracker>[2]) => {
    const t = new ProgressTracker('2020.csv', baseline, opts);
    current.forEach((r) => t.add(r));
    return t.build();
  };

  it('says what each unit gained and lost, and which units are new and gone', () => {
    const p = build({ matchNear: false });
    expect(p.units[0]).toMatchObject({
      name: 'Đức Vân',
      before: 3,
      after: 4,
      gained: ['4', '5'],
      lost: ['2'],
      status: 'same',
    });
    expect(p.units.filter((u) => u.status === 'new').map((u) => u.name)).toEqual(['Thuần Mang', 'Nà Phặc']);
    expect(p.units.filter((u) => u.status === 'gone').map((u) => u.name)).toEqual(['Thuận Mang', 'Lãng Ngâm']);
    expect(p.likely).toEqual([{ name: 'Thuần Mang', parent: 'Ngân Sơn', baselineName: 'Thuận Mang', matched: false }]);
    expect(p.totals.averageMet).toEqual({ before: 2.5, after: 2.75, change: 0.25 });
    expect(p.totals).toMatchObject({
      gaining: 1,
      losing: 1,
      new: 2,
      gone: 2,
      meeting: { before: 1, after: 1, change: 0 },
    });
  });

  it('matches a near miss with --match-near, and a renamed unit through an alias', () => {
    const near = build({ matchNear: true });
    expect(near.units[1]).toMatchObject({
      name: 'Thuần Mang',
      baselineName: 'Thuận Mang',
      gained: ['2'],
      status: 'same',
    });
    expect(near.likely[0]!.matched).toBe(true);
    const alias = build({ matchNear: false, aliases: new Map([[nameKey('Nà Phặc'), nameKey('Lãng Ngâm')]]) });
    expect(alias.units[3]).toMatchObject({ name: 'Nà Phặc', baselineName: 'Lãng Ngâm', lost: ['2'], status: 'same' });
  });
});

const unit = (name: string, parent: string, statuses: CriterionStatus[]): UnitResult => {
  const met = statuses.filter((s) => s === 'met').length;
  return {
    file: 'f.csv',
    line: 2,
    name,
    parent,
    status: met === statuses.length ? 'meets' : 'fails',
    meets: met === statuses.length,
    met,
    total: statuses.length,
    criteria: statuses,
    gaps: [],
  };
};

describe('roll-ups by parent', () => {
  it('give units, units meeting, the average and the criteria most missed per parent', () => {
    const r = new RollupBuilder(
      [
        { id: '1', name: 'A' },
        { id: '2', name: 'B' },
        { id: '3', name: 'C' },
      ],
      2,
    );
    r.add(unit('Nà Y', 'Thượng Ân', ['met', 'met', 'met']));
    r.add(unit('Khu Chợ', 'Bằng Vân', ['unmet', 'met', 'no-data']));
    r.add(unit('Bản Chang', 'Thượng Ân', ['met', 'unmet', 'unmet']));
    expect(r.build()).toEqual([
      {
        name: 'Thượng Ân',
        units: 2,
        meeting: 1,
        averageMet: 2,
        mostMissed: [
          { criterion: '2', name: 'B', units: 1 },
          { criterion: '3', name: 'C', units: 1 },
        ],
      },
      {
        name: 'Bằng Vân',
        units: 1,
        meeting: 0,
        averageMet: 1,
        mostMissed: [
          { criterion: '1', name: 'A', units: 1 },
          { criterion: '3', name: 'C', units: 1 },
        ],
      },
    ]);
  });
});

describe('targets', () => {
  const plan = (body: string) =>
    parseTargetsSource(`plan: { document: Kế hoạch, issuer: UBND, year: 2021 }\n${body}`, 't.yaml');
  const fact = (name: string, met: number, before: number | null, meets = false): UnitFact => ({
    name,
    parent: 'Ngân Sơn',
    met,
    meets,
    before,
    meetsBefore: before === null ? null : false,
  });
  const run = (units: UnitFact[], over: Partial<TargetRun> = {}): TargetRun => ({
    set: {
      id: 'bac-kan-xa-2017',
      level: 'xa',
      indicators: new Map([['10', { name: 'Thu nhập', unit: 'triệu đồng/người/năm' }]]),
    },
    units,
    summary: {
      units: units.length,
      meeting: units.filter((u) => u.meets).length,
      averageMet: units.reduce((n, u) => n + u.met, 0) / units.length,
    },
    totals: {
      units: { before: 3, after: 3, change: 0 },
      meeting: { before: 0, after: 0, change: 0 },
      averageMet: { before: 10, after: 12, change: 2 },
      gaining: 2,
      losing: 0,
      newlyMeeting: 0,
      noLongerMeeting: 0,
      new: 0,
      gone: 0,
    },
    indicators: new Map([['10', { sum: 90, count: 3 }]]),
    matchNear: false,
    ...over,
  });
  const evaluate = (file: TargetsFile, r: TargetRun) => evaluateTargets(file, r, targetLabeller('en'), 'Kế hoạch');
  const src = (line: number) => `source: { line: ${line}, quote: "x" }`;

  it('a unit target met exactly at its bound is met, with no shortfall', () => {
    const file = plan(
      `units:\n  - { name: Đức Vân, gain: 2, ${src(33)} }\n  - { name: Bằng Vân, gain: 3, ${src(33)} }`,
    );
    const { evaluation } = evaluate(file, run([fact('Đức Vân', 15, 13), fact('Bằng Vân', 17, 15)]));
    expect(evaluation.results.map((r) => [r.label, r.target, r.actual, r.met, r.shortfall, r.lastYear])).toEqual([
      ['Đức Vân (Ngân Sơn): gain at least 2 criteria', 2, 2, true, 0, 13],
      ['Bằng Vân (Ngân Sơn): gain at least 3 criteria', 3, 2, false, 1, 15],
    ]);
    expect(evaluation.results[0]!.source).toEqual({ document: 'Kế hoạch', line: 33, quote: 'x' });
  });

  it('the default target covers every unit not named; aggregate targets judge all units', () => {
    const file = plan(
      `units:\n  - { name: Đức Vân, gain: 2, ${src(33)} }\nothers: { gain: 1, ${src(35)} }\ntotals:\n  - { average_met: 12, ${src(37)} }\n  - { indicator: "10", at_least: 32, ${src(40)} }`,
    );
    const { evaluation } = evaluate(
      file,
      run([fact('Đức Vân', 15, 13), fact('Cốc Đán', 3, 2), fact('Trung Hòa', 6, 6)]),
    );
    expect(evaluation.results.map((r) => [r.label, r.actual, r.met, r.shortfall])).toEqual([
      ['Đức Vân (Ngân Sơn): gain at least 2 criteria', 2, true, 0],
      ['Cốc Đán (Ngân Sơn): gain at least 1 criterion', 1, true, 0],
      ['Trung Hòa (Ngân Sơn): gain at least 1 criterion', 0, false, 1],
      ['Average criteria met per unit ≥ 12', 8, false, 4],
      ['10 Thu nhập (mean of the units, unweighted) ≥ 32 triệu đồng/người/năm', 30, false, 2],
    ]);
  });

  it('targets for another set or level are listed as not evaluated', () => {
    const file = plan(
      `set: bac-kan-xa-2017\nunits:\n  - { name: Vân Tùng, gain: 2, set: bac-kan-xa-nang-cao-2018, ${src(39)} }\ntotals:\n  - { units_meeting: 12, level: thon, ${src(41)} }`,
    );
    const { evaluation } = evaluate(file, run([fact('Vân Tùng', 19, 19, true)]));
    expect(evaluation.results).toEqual([]);
    expect(evaluation.skipped.map((s) => s.for)).toEqual(['bac-kan-xa-nang-cao-2018', 'thon']);
  });

  it('a unit the survey lacks is an error naming the likely unit, matched with --match-near', () => {
    const file = plan(`units:\n  - { name: Thuận Mang, gain: 2, ${src(33)} }`);
    const units = [fact('Thuần Mang', 6, 4)];
    expect(evaluate(file, run(units)).problems).toMatchObject([
      { kind: 'target-unit-unknown', line: 33, params: { unit: 'Thuận Mang', guess: 'Thuần Mang' } },
    ]);
    expect(evaluate(file, run(units, { matchNear: true })).evaluation.results[0]).toMatchObject({
      actual: 2,
      met: true,
    });
  });

  it('targets that compare with last year need a baseline', () => {
    const file = plan(`others: { gain: 1, ${src(35)} }\ntotals:\n  - { newly_meeting: 5, ${src(45)} }`);
    expect(evaluate(file, run([fact('Cốc Đán', 3, null)], { totals: undefined })).problems).toMatchObject([
      { kind: 'targets-need-baseline', params: { count: 2, lines: '35, 45' } },
    ]);
  });

  it('a target file with a mistake is refused at its line and column', () => {
    const bad = (body: string) => {
      try {
        plan(body);
      } catch (e) {
        return (e as InputError).problems;
      }
      throw new Error('accepted');
    };
    // Every problem of the file at once, as for criteria sets: the misspelt key also leaves no goal.
    expect(bad(`units:\n  - { name: Đức Vân, gian: 2, ${src(33)} }`)).toContainEqual(
      expect.objectContaining({
        kind: 'targets-schema',
        line: 3,
        column: 22,
        params: expect.objectContaining({ key: 'gian', guess: 'gain' }),
      }),
    );
    expect(bad(`units:\n  - { name: Đức Vân, gain: 2, at_least: 3, ${src(33)} }`)).toEqual([
      expect.objectContaining({
        kind: 'targets-schema',
        line: 3,
        message: 'units[0]: give exactly one of gain, meets, at_least',
      }),
    ]);
  });
});

describe('the shipped targets of the seed plans', () => {
  for (const name of ['ngan-son-2021', 'bac-giang-2024']) {
    it(`${name}: every target quotes its plan on the line it cites`, () => {
      const file = parseTargetsSource(readFileSync(join(ROOT, `fixtures/targets/${name}.targets.yaml`), 'utf8'), name);
      const plan = readFileSync(join(ROOT, 'fixtures/plans', file.plan.file!), 'utf8').split('\n');
      const targets = [...(file.units ?? []), ...(file.others ? [file.others] : []), ...(file.totals ?? [])];
      expect(targets.length).toBeGreaterThan(4);
      for (const t of targets) expect(plan[t.source.line - 1]).toContain(t.source.quote);
    });
  }
});
