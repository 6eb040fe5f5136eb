import type { OthersTarget, TargetsFile, TotalTarget, UnitTarget } from '../criteria/targets-schema.js';
import { problem, type Problem } from '../problems.js';
import type { ProgressTotals } from './progress.js';
import { nameKey, nearMiss } from './unit-names.js';

/** What a target's evaluation needs to know of one unit of this year's survey. */
export interface UnitFact {
  name: string;
  parent: string;
  met: number;
  meets: boolean;
  /** Criteria met last year; null when the unit is not in the baseline (or there is none). */
  before: number | null;
  meetsBefore: boolean | null;
}

/** An indicator's numeric values over the units: their sum and how many units gave one. */
export interface IndicatorTally {
  sum: number;
  count: number;
}

export interface TargetRun {
  set: { id: string; level: string; indicators: ReadonlyMap<string, { name: string; unit?: string }> };
  units: readonly UnitFact[];
  summary: { units: number; meeting: number; averageMet: number };
  /** Present with --baseline. */
  totals?: ProgressTotals;
  indicators: ReadonlyMap<string, IndicatorTally>;
  baselineIndicators?: ReadonlyMap<string, IndicatorTally>;
  matchNear: boolean;
}

/** What a target asks, in words a label is made from (in the report's language). */
export type TargetWhat =
  | { goal: 'gain' | 'at-least' | 'meets'; unit: string; parent: string }
  | { goal: 'average-met' | 'units-meeting' | 'newly-meeting' }
  | { goal: 'units-gaining'; by: number }
  | { goal: 'indicator'; indicator: string; name: string; unit?: string; aggregate: 'mean' | 'sum'; values: number };

export interface TargetSourceRef {
  document: string;
  line: number;
  quote: string;
}

export interface TargetResult {
  label: string;
  what: TargetWhat;
  source: TargetSourceRef;
  comparison: '>=' | '<=' | '==';
  /** As the plan states it: a gain, a count, an average, a value; `true` for "meets the standard". */
  target: number | boolean;
  actual: number | boolean | null;
  /**
   * The same measure last year, where known: the "same period last year" column. For a gain
   * target, the criteria met last year (the plan is then lastYear + target).
   */
  lastYear: number | boolean | null;
  met: boolean;
  /** How far from the target; 0 when met, null where distance means nothing (meets / does not). */
  shortfall: number | null;
  /**
   * Why there is no actual value: no unit gave a value for the indicator, or the unit of a gain
   * target is not in the baseline.
   */
  reason?: 'no-data' | 'not-in-baseline';
}

export interface SkippedTarget {
  label: string;
  source: TargetSourceRef;
  /** The set or level the target is for. */
  for: string;
}

export interface TargetsEvaluation {
  results: TargetResult[];
  skipped: SkippedTarget[];
}

type Labeller = (what: TargetWhat, target: number | boolean, comparison: TargetResult['comparison']) => string;

const EPS = 1e-9;
const round = (n: number) => Math.round(n * 1e4) / 1e4;

/** Targets that compare with last year, which a run without --baseline cannot judge. */
export function needsBaseline(t: UnitTarget | OthersTarget | TotalTarget): boolean {
  return (
    ('gain' in t && t.gain !== undefined) ||
    ('newly_meeting' in t && t.newly_meeting !== undefined) ||
    ('units_gaining' in t && t.units_gaining !== undefined)
  );
}

/**
 * Judges a plan's targets against a run. Pure: the run's facts in, one result per target out (a
 * target for "the other units" gives one per unit). Problems that make a verdict impossible (a unit
 * the survey lacks, an indicator the set lacks, a baseline not given) are returned, not guessed past.
 */
export function evaluateTargets(
  file: TargetsFile,
  run: TargetRun,
  label: Labeller,
  document: string,
): { evaluation: TargetsEvaluation; problems: Omit<Problem, 'file'>[] } {
  const results: TargetResult[] = [];
  const skipped: SkippedTarget[] = [];
  const problems: Omit<Problem, 'file'>[] = [];
  const src = (s: { line: number; quote: string }): TargetSourceRef => ({ document, line: s.line, quote: s.quote });
  // A target's own set or level replaces the file's: a village target in a commune plan is the villages'.
  const applies = (t: { set?: string; level?: string }): string | undefined => {
    const own = t.set !== undefined || t.level !== undefined;
    const set = own ? t.set : file.set;
    const level = own ? t.level : file.level;
    if (set !== undefined && set !== run.set.id) return set;
    if (level !== undefined && level !== run.set.level) return level;
    return undefined;
  };

  const all = [...(file.units ?? []), ...(file.others ? [file.others] : []), ...(file.totals ?? [])];
  const missingBaseline = all.filter((t) => applies(t) === undefined && needsBaseline(t) && !run.totals);
  if (missingBaseline.length) {
    const lines = missingBaseline.map((t) => t.source.line).join(', ');
    problems.push(problem('targets-need-baseline', { count: missingBaseline.length, lines }));
    return { evaluation: { results, skipped }, problems };
  }

  const byName = new Map<string, UnitFact[]>();
  for (const u of run.units) byName.set(nameKey(u.name), [...(byName.get(nameKey(u.name)) ?? []), u]);
  const named = new Set<UnitFact>();
  // "The other communes" are those the plan does not name, whichever set their own target is for.
  const namedKeys = new Set((file.units ?? []).map((t) => nameKey(t.name)));

  for (const t of file.units ?? []) {
    const whatFor = applies(t);
    const unit = { goal: goalKind(t), unit: t.name, parent: t.parent ?? '' } as TargetWhat;
    if (whatFor !== undefined) {
      skipped.push({ label: t.label ?? label(unit, goalTarget(t), '>='), source: src(t.source), for: whatFor });
      continue;
    }
    const u = findUnit(t, byName, run, problems);
    if (!u) continue;
    named.add(u);
    results.push(unitResult(t, u, { ...unit, unit: u.name, parent: u.parent } as TargetWhat, src(t.source), label));
  }
  if (file.others && applies(file.others) === undefined) {
    for (const u of run.units) {
      if (named.has(u) || namedKeys.has(nameKey(u.name))) continue;
      const what = { goal: goalKind(file.others), unit: u.name, parent: u.parent } as TargetWhat;
      results.push(unitResult(file.others, u, what, src(file.others.source), label));
    }
  } else if (file.others) {
    const what = { goal: goalKind(file.others), unit: '*', parent: '' } as TargetWhat;
    skipped.push({
      label: file.others.label ?? label(what, goalTarget(file.others), '>='),
      source: src(file.others.source),
      for: applies(file.others)!,
    });
  }

  for (const t of file.totals ?? []) {
    const whatFor = applies(t);
    const r = totalResult(t, run, src(t.source), label, problems);
    if (!r) continue;
    if (whatFor !== undefined) skipped.push({ label: r.label, source: r.source, for: whatFor });
    else results.push(r);
  }
  return { evaluation: { results, skipped }, problems };
}

const goalKind = (t: UnitTarget | OthersTarget) =>
  t.gain !== undefined ? 'gain' : t.at_least !== undefined ? 'at-least' : 'meets';
const goalTarget = (t: UnitTarget | OthersTarget): number | boolean => t.gain ?? t.at_least ?? true;

/** The unit a target names: same name (and parent, when given); a near miss only with --match-near. */
function findUnit(
  t: UnitTarget,
  byName: Map<string, UnitFact[]>,
  run: TargetRun,
  problems: Omit<Problem, 'file'>[],
): UnitFact | undefined {
  const parentOk = (u: UnitFact) => t.parent === undefined || nameKey(u.parent) === nameKey(t.parent);
  const exact = (byName.get(nameKey(t.name)) ?? []).filter(parentOk);
  if (exact.length === 1) return exact[0];
  const near = exact.length ? [] : run.units.filter((u) => parentOk(u) && nearMiss(nameKey(t.name), nameKey(u.name)));
  if (run.matchNear && near.length === 1) return near[0];
  const guess = near[0]?.name;
  const ambiguous = exact.length > 1;
  const params = { unit: t.name, parent: t.parent, guess, ambiguous: ambiguous ? exact.length : undefined };
  problems.push(problem('target-unit-unknown', params, { line: t.source.line }));
  return undefined;
}

function unitResult(
  t: UnitTarget | OthersTarget,
  u: UnitFact,
  what: TargetWhat,
  source: TargetSourceRef,
  label: Labeller,
): TargetResult {
  if (t.gain !== undefined) {
    const actual = u.before === null ? null : u.met - u.before;
    // The table shows counts ("last year | plan | achieved"): last year's count, not a gain.
    const r = atLeast(t.label ?? label(what, t.gain, '>='), what, source, t.gain, actual, u.before);
    if (actual === null) r.reason = 'not-in-baseline';
    return r;
  }
  if (t.at_least !== undefined)
    return atLeast(t.label ?? label(what, t.at_least, '>='), what, source, t.at_least, u.met, u.before);
  return {
    label: t.label ?? label(what, true, '=='),
    what,
    source,
    comparison: '==',
    target: true,
    actual: u.meets,
    lastYear: u.meetsBefore,
    met: u.meets,
    shortfall: u.meets ? 0 : null,
  };
}

function atLeast(
  label: string,
  what: TargetWhat,
  source: TargetSourceRef,
  target: number,
  actual: number | null,
  lastYear: number | null,
): TargetResult {
  const r: TargetResult = {
    label,
    what,
    source,
    comparison: '>=',
    target,
    actual,
    lastYear,
    met: actual !== null && actual >= target - EPS,
    shortfall: null,
  };
  if (actual !== null) r.shortfall = r.met ? 0 : round(target - actual);
  return r;
}

function totalResult(
  t: TotalTarget,
  run: TargetRun,
  source: TargetSourceRef,
  label: Labeller,
  problems: Omit<Problem, 'file'>[],
): TargetResult | undefined {
  const totals = run.totals;
  const make = (what: TargetWhat, target: number, actual: number | null, lastYear: number | null) =>
    atLeast(t.label ?? label(what, target, '>='), what, source, target, actual, lastYear);
  if (t.average_met !== undefined)
    return make({ goal: 'average-met' }, t.average_met, run.summary.averageMet, totals?.averageMet.before ?? null);
  if (t.units_meeting !== undefined)
    return make({ goal: 'units-meeting' }, t.units_meeting, run.summary.meeting, totals?.meeting.before ?? null);
  if (t.newly_meeting !== undefined)
    return make({ goal: 'newly-meeting' }, t.newly_meeting, totals?.newlyMeeting ?? null, null);
  if (t.units_gaining !== undefined) {
    const by = t.by ?? 1;
    const gaining = run.units.filter((u) => u.before !== null && u.met - u.before >= by).length;
    return make({ goal: 'units-gaining', by }, t.units_gaining, gaining, null);
  }
  const id = t.indicator!;
  const ind = run.set.indicators.get(id);
  if (!ind) {
    // A target for another set's indicator is that set's business: only checked where it applies.
    if ((t.set === undefined || t.set === run.set.id) && (t.level === undefined || t.level === run.set.level)) {
      problems.push(problem('target-indicator-unknown', { indicator: id, set: run.set.id }, { line: source.line }));
      return undefined;
    }
  }
  const aggregate = t.aggregate ?? 'mean';
  const value = (tally?: IndicatorTally) =>
    !tally || tally.count === 0 ? null : round(aggregate === 'sum' ? tally.sum : tally.sum / tally.count);
  const tally = run.indicators.get(id);
  const what: TargetWhat = {
    goal: 'indicator',
    indicator: id,
    name: ind?.name ?? id,
    unit: ind?.unit,
    aggregate,
    values: tally?.count ?? 0,
  };
  const actual = value(tally);
  const lastYear = value(run.baselineIndicators?.get(id));
  if (t.at_least !== undefined) {
    const r = make(what, t.at_least, actual, lastYear);
    if (actual === null) r.reason = 'no-data';
    return r;
  }
  const target = t.at_most!;
  const r: TargetResult = {
    label: t.label ?? label(what, target, '<='),
    what,
    source,
    comparison: '<=',
    target,
    actual,
    lastYear,
    met: actual !== null && actual <= target + EPS,
    shortfall: null,
  };
  if (actual === null) r.reason = 'no-data';
  else r.shortfall = r.met ? 0 : round(actual - target);
  return r;
}
