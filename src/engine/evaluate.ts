import { pickThreshold, type Basis, type Context, type ThresholdValue } from '../criteria/threshold.js';
import type { CriteriaSet, Criterion, Indicator, MeetsRule } from '../criteria/types.js';
import type { SurveyRow } from '../data/read-survey.js';
import { Assessed, type IndicatorValue } from '../data/parse-value.js';
import { problem, type Problem, type ProblemParams } from '../problems.js';
import { bandsOf } from './bands.js';
import { judge } from './judge.js';
import type { CriterionStatus, Gap, Summary, UnitResult, UnitStatus } from './types.js';

interface PlannedIndicator {
  ind: Indicator;
  threshold?: ThresholdValue;
  verified: boolean;
  /** The threshold depends on another indicator's value in the row (`by_value_of`). */
  perRow?: true;
}

/** A set compiled for one region, year and group: thresholds picked once, not per row. */
export interface Plan {
  set: CriteriaSet;
  ctx: Context;
  criteria: { c: Criterion; indicators: PlannedIndicator[] }[];
  /** Indicators that could not be given a threshold, and why. */
  unjudged: { criterion: string; indicator: string; reason: string; why: ProblemParams }[];
  /** The same set compiled for the commune groups rows name, each once. */
  byGroup: Map<number, Plan>;
}

/** The plan for a row's commune group: a group column overrides the run's --group. */
export function planFor(plan: Plan, group: number | undefined): Plan {
  if (group === undefined || group === plan.ctx.group) return plan;
  let p = plan.byGroup.get(group);
  if (!p) {
    p = compilePlan(plan.set, { ...plan.ctx, group });
    plan.byGroup.set(group, p);
  }
  return p;
}

export function compilePlan(set: CriteriaSet, ctx: Context): Plan {
  const unjudged: Plan['unjudged'] = [];
  const criteria = set.criteria.map((c) => ({
    c,
    indicators: c.indicators.map((ind) => {
      const pick = pickThreshold(ind, ctx);
      if (!pick.ok && pick.why.cause === 'per-row') return { ind, verified: false, perRow: true as const };
      if (!pick.ok && ind.input) return { ind, verified: false };
      if (!pick.ok) {
        unjudged.push({ criterion: c.id, indicator: ind.id, reason: pick.reason, why: pick.why });
        return { ind, verified: false };
      }
      return { ind, threshold: pick.threshold.value, verified: pick.threshold.verified };
    }),
  }));
  return { set, ctx, criteria, unjudged, byGroup: new Map() };
}

/** Where an indicator's value sits in a row, for runs that sum or average it (targets on an indicator). */
export interface KeptIndicator {
  id: string;
  criterion: number;
  indicator: number;
}

/** The positions of the named indicators in a plan's rows; ids the set lacks are left out. */
export function keptIndicators(plan: Plan, ids: readonly string[]): KeptIndicator[] {
  return plan.criteria.flatMap(({ indicators }, criterion) =>
    indicators.flatMap(({ ind }, indicator) => (ids.includes(ind.id) ? [{ id: ind.id, criterion, indicator }] : [])),
  );
}

export interface EvaluateOptions {
  gaps?: boolean;
  /** Indicators whose numeric values the result keeps (`UnitResult.values`). */
  keep?: readonly KeptIndicator[];
}

/** Evaluates one unit. Pure: the row and the plan in, the verdict and its gaps out. */
export function evaluateUnit(
  runPlan: Plan,
  row: SurveyRow,
  warn?: (p: Problem) => void,
  opts: EvaluateOptions = {},
): UnitResult {
  const plan = planFor(runPlan, row.group);
  const n = plan.criteria.length;
  const statuses = new Array<CriterionStatus>(n);
  const bases = new Array<Basis | null>(n);
  // A summary-only run (--quiet on a huge file) needs the statuses, not the gap objects.
  const gaps: Gap[] | undefined = opts.gaps === false ? undefined : [];
  let met = 0;
  for (let ci = 0; ci < n; ci++) {
    const { c, indicators } = plan.criteria[ci]!;
    const mark = row.marks[ci];
    const values = row.values[ci];
    // Indicators are judged only where the row has values for them, or nothing else decides.
    const given = values !== undefined && values.some((v) => v !== undefined && v !== null);
    const judged =
      indicators.length && (given || (mark !== true && mark !== false && mark !== null))
        ? judgeAll(plan, c, indicators, values)
        : [];
    let status: CriterionStatus;
    let basis: Basis | null = 'mark';
    if (mark === true || mark === false) {
      status = mark ? 'met' : 'unmet';
      if (!mark && gaps) {
        const before = gaps.length;
        pushGaps(gaps, judged, c, 'unmet');
        // The mark decides: when no value shows why, the criterion itself is the gap.
        if (!gaps.slice(before).some((g) => g.kind === 'unmet')) gaps.splice(before, 0, criterionGap(c, 'unmet'));
      }
      if (given && warn) {
        const fromValues = combine(
          c.meets,
          judged.map((j) => j.status),
        );
        if (fromValues !== 'no-data' && fromValues !== status) {
          const params = {
            unit: row.name,
            criterion: c.id,
            name: c.name,
            mark: mark ? 'met' : 'unmet',
            values: fromValues === 'met' ? 'met' : 'unmet',
          };
          warn(
            problem('mark-disagrees', params, {
              severity: 'warning',
              file: row.file,
              sheet: row.sheet,
              line: row.line,
            }),
          );
        }
      }
    } else if (given) {
      status = combine(
        c.meets,
        judged.map((j) => j.status),
      );
      basis = status === 'no-data' ? null : basisOf(judged, status);
      if (status !== 'met' && gaps) pushGaps(gaps, judged, c, status);
    } else if (mark === null) {
      // A blank mark with no values: the annex marks the met criteria and leaves the rest blank.
      status = 'unmet';
      gaps?.push(criterionGap(c, 'unmet'));
    } else {
      status = 'no-data';
      basis = null;
      if (gaps) pushGaps(gaps, judged, c, 'no-data');
    }
    if (status === 'met') met++;
    statuses[ci] = status;
    bases[ci] = basis;
  }
  const unitStatus = unitVerdict(plan.set.meets, statuses);
  const u: UnitResult = {
    file: row.file,
    line: row.line,
    name: row.name,
    parent: row.parent,
    status: unitStatus,
    meets: unitStatus === 'meets',
    met,
    total: n,
    criteria: statuses,
    bases,
    gaps: gaps ?? [],
  };
  if (row.group !== undefined || plan.ctx.group !== undefined) u.group = row.group ?? plan.ctx.group;
  if (opts.keep?.length) u.values = keptValues(row, opts.keep);
  return u;
}

function keptValues(row: SurveyRow, keep: readonly KeptIndicator[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const k of keep) {
    const v = row.values[k.criterion]?.[k.indicator];
    if (typeof v === 'number') values[k.id] = v;
  }
  return values;
}

/**
 * What a verdict from values rests on: the parts that decided it (all of them when met, the
 * unmet ones when not). A secondary copy weakens it most, then an official's assessment.
 */
function basisOf(judged: Judged[], status: CriterionStatus): Basis {
  let basis: Basis = 'verified';
  for (const j of judged) {
    if (j.status !== status) continue;
    if (j.basis === 'secondary') return 'secondary';
    if (j.basis === 'mark') basis = 'mark';
  }
  return basis;
}

type RowValues = SurveyRow['values'][number];

/** The criterion's indicators judged on one row; an input indicator only informs another's threshold. */
function judgeAll(plan: Plan, c: Criterion, indicators: PlannedIndicator[], values: RowValues): Judged[] {
  const judged: Judged[] = [];
  indicators.forEach((p, ii) => {
    if (!p.ind.input) judged.push(judgeIndicator(p.perRow ? pickForRow(plan, c, p, values) : p, values?.[ii]));
  });
  return judged;
}

/** A threshold chosen by the row's value of another indicator of the criterion. */
function pickForRow(plan: Plan, c: Criterion, p: PlannedIndicator, values: RowValues): PlannedIndicator {
  const rowValue = (id: string) => values?.[c.indicators.findIndex((i) => i.id === id)];
  const pick = pickThreshold(p.ind, { ...plan.ctx, rowValue });
  return pick.ok
    ? { ind: p.ind, threshold: pick.threshold.value, verified: pick.threshold.verified }
    : { ind: p.ind, verified: false };
}

/** The indicator gaps of an unmet or undecided criterion, or one gap for the criterion itself. */
function pushGaps(gaps: Gap[], judged: Judged[], c: Criterion, kind: Gap['kind']): void {
  const before = gaps.length;
  for (const j of judged) if (j.status !== 'met') gaps.push(indicatorGap(c, j));
  if (gaps.length === before) gaps.push(criterionGap(c, kind));
}

/** One indicator's verdict, with what its gap needs should the criterion not be met. */
interface Judged {
  status: CriterionStatus;
  p: PlannedIndicator;
  value: IndicatorValue | null;
  shortfall: number | null;
  basis?: Basis;
  reason?: 'no-threshold';
}

const MET_BY_MARK = { status: 'met', basis: 'mark' } as Judged;
const MET_VERIFIED = { status: 'met', basis: 'verified' } as Judged;
const MET_SECONDARY = { status: 'met', basis: 'secondary' } as Judged;

function judgeIndicator(p: PlannedIndicator, value: IndicatorValue | Assessed | null | undefined): Judged {
  // The official's "Đạt" / "Không đạt" decides the indicator, threshold or not.
  if (value instanceof Assessed)
    return value.met ? MET_BY_MARK : { status: 'unmet', p, value: 'Không đạt', shortfall: null, basis: 'mark' };
  // A pass indicator's value is itself the assessment: "Đạt" is what it asks, no figure behind it.
  if (p.ind.type === 'pass' && typeof value === 'boolean')
    return value ? MET_BY_MARK : { status: 'unmet', p, value, shortfall: null, basis: 'mark' };
  // Without a sourced threshold a value cannot be judged, so the criterion cannot be declared met from values.
  if (p.threshold === undefined)
    return { status: 'no-data', p, value: value ?? null, shortfall: null, reason: 'no-threshold' };
  if (value === null || value === undefined) return { status: 'no-data', p, value: null, shortfall: null };
  const v = judge(p.ind, p.threshold, value);
  if (v.met) return p.verified ? MET_VERIFIED : MET_SECONDARY;
  return { status: 'unmet', p, value, shortfall: v.shortfall, basis: p.verified ? 'verified' : 'secondary' };
}

/** all / any / at least N of the parts; no-data where the missing parts could still decide it. */
function combine(rule: MeetsRule, parts: CriterionStatus[]): CriterionStatus {
  if (parts.length === 0) return 'no-data';
  let met = 0;
  let open = 0;
  for (const s of parts) {
    if (s === 'met') met++;
    else if (s === 'no-data') open++;
  }
  const need = rule === 'all' ? parts.length : rule === 'any' ? 1 : Math.min(rule.min, parts.length);
  if (met >= need) return 'met';
  if (met + open >= need) return 'no-data';
  return 'unmet';
}

function unitVerdict(rule: CriteriaSet['meets'], statuses: CriterionStatus[]): UnitStatus {
  const s = combine(rule === 'all' ? 'all' : { min: rule.min_criteria }, statuses);
  return s === 'met' ? 'meets' : s === 'unmet' ? 'fails' : 'incomplete';
}

/**
 * A criterion's own gap is the same for every unit that misses it: one frozen object per criterion
 * and kind, shared, rather than one per unit (a country has a million; the JSON report writes each
 * shared gap's text once).
 */
function criterionGap(c: Criterion, kind: Gap['kind']): Gap {
  let byKind = criterionGaps.get(c);
  if (!byKind) criterionGaps.set(c, (byKind = {}));
  return (byKind[kind] ??= Object.freeze(newCriterionGap(c, kind)));
}

const criterionGaps = new WeakMap<Criterion, Partial<Record<Gap['kind'], Gap>>>();

function newCriterionGap(c: Criterion, kind: Gap['kind']): Gap {
  const gap: Gap = {
    criterion: c.id,
    name: c.name,
    kind,
    value: null,
    required: null,
    shortfall: null,
    owner: c.owner,
  };
  if (kind === 'unmet') gap.basis = 'mark';
  return gap;
}

function indicatorGap(c: Criterion, j: Judged): Gap {
  const { p } = j;
  const gap: Gap = {
    criterion: c.id,
    name: c.name,
    indicator: p.ind.id,
    indicatorName: p.ind.name,
    kind: j.status === 'unmet' ? 'unmet' : 'no-data',
    value: j.value,
    required: p.threshold ?? null,
    comparison: p.ind.comparison,
    type: p.ind.type,
    unit: p.ind.type === 'percent' ? '%' : p.ind.unit,
    shortfall: j.shortfall,
    owner: p.ind.owner ?? c.owner,
    verified: p.threshold === undefined ? undefined : p.verified,
  };
  if (j.basis && j.status === 'unmet') gap.basis = j.basis;
  if (j.reason) gap.reason = j.reason;
  return gap;
}

/** Running totals, so that a million rows can be summarised without keeping them. */
export class SummaryBuilder {
  private units = 0;
  private meeting = 0;
  private incomplete = 0;
  private metSum = 0;
  private readonly bases = { verified: 0, secondary: 0, mark: 0 };
  private readonly missed: number[];
  /** Per criterion, the units that meet it (not the complement of `missed`: no data is neither). */
  private readonly metBy: number[];
  /** Units by number of criteria met, for the bands. */
  private readonly histogram: number[];

  constructor(private readonly set: CriteriaSet) {
    this.missed = set.criteria.map(() => 0);
    this.metBy = set.criteria.map(() => 0);
    this.histogram = new Array<number>(set.criteria.length + 1).fill(0);
  }

  add(u: UnitResult): void {
    this.units++;
    if (u.meets) this.meeting++;
    if (u.status === 'incomplete') this.incomplete++;
    this.metSum += u.met;
    this.histogram[u.met]!++;
    u.criteria.forEach((s, i) => {
      if (s !== 'met') this.missed[i]!++;
      else this.metBy[i]!++;
    });
    for (const b of u.bases) if (b) this.bases[b]++;
  }

  merge(other: SummaryBuilder): void {
    this.units += other.units;
    this.meeting += other.meeting;
    this.incomplete += other.incomplete;
    this.metSum += other.metSum;
    other.missed.forEach((n, i) => (this.missed[i]! += n));
    other.metBy.forEach((n, i) => (this.metBy[i]! += n));
    other.histogram.forEach((n, i) => (this.histogram[i]! += n));
    for (const k of ['verified', 'secondary', 'mark'] as const) this.bases[k] += other.bases[k];
  }

  build(): Summary {
    const mostMissed = this.set.criteria
      .map((c, i) => ({ criterion: c.id, name: c.name, units: this.missed[i]! }))
      .filter((m) => m.units > 0)
      .sort((a, b) => b.units - a.units || 0);
    return {
      units: this.units,
      meeting: this.meeting,
      incomplete: this.incomplete,
      averageMet: round2(this.units ? this.metSum / this.units : 0),
      bases: { ...this.bases },
      mostMissed,
      bands: bandsOf(this.histogram, this.set.criteria.length),
      criteriaMet: this.set.criteria.map((c, i) => ({
        criterion: c.id,
        name: c.name,
        units: this.metBy[i]!,
        share: round2(this.units ? (this.metBy[i]! / this.units) * 100 : 0),
      })),
    };
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
