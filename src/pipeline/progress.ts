import { basename } from 'node:path';
import type { Registry } from '../criteria/registry.js';
import type { TargetsFile } from '../criteria/targets-schema.js';
import { setContext } from '../criteria/threshold.js';
import type { CriteriaSet } from '../criteria/types.js';
import { readAliases } from '../data/read-aliases.js';
import { readSurvey } from '../data/read-survey.js';
import { compilePlan, evaluateUnit, keptIndicators } from '../engine/evaluate.js';
import {
  ProgressTracker,
  unitRecord,
  type Progress,
  type ProgressTotals,
  type UnitRecord,
} from '../engine/progress.js';
import { RollupBuilder } from '../engine/rollup.js';
import { evaluateTargets, type IndicatorTally, type TargetRun, type UnitFact } from '../engine/targets.js';
import type { ProgressParts, Summary, UnitResult } from '../engine/types.js';
import type { Lang } from '../i18n/messages.js';
import { fail, InputError, problem, type Problem } from '../problems.js';
import type { RunStream, RunTail } from '../reports/stream.js';
import { targetLabeller } from '../reports/target-labels.js';
import { WarningLog } from './warning-log.js';

export interface ProgressOptions {
  baseline?: string;
  targets?: string;
  aliases?: string;
  matchNear: boolean;
  byParent: boolean;
}

/** How the baseline is read: as the run reads its own files. */
export interface ProgressContext {
  registry: Registry;
  setId?: string;
  region?: string;
  year?: number;
  group?: number;
  encoding?: string;
  percentAsIs?: boolean;
  sheet?: string;
  lang: Lang;
}

/** Last year's survey, judged and kept compact: per unit its name, parent and the ids of the criteria met. */
interface Baseline {
  file: string;
  set: CriteriaSet;
  records: UnitRecord[];
  indicators: Map<string, IndicatorTally>;
}

/**
 * The inputs of a progress report, read before the survey: the targets file and the aliases are
 * checked first (a mistake in them stops the run before any survey is read), then last year's
 * survey is judged into compact records (names and criteria met).
 */
export async function prepareProgress(
  o: ProgressOptions,
  ctx: ProgressContext,
): Promise<ProgressCollector | undefined> {
  if ((o.matchNear || o.aliases) && !o.baseline && !o.targets) matchWithoutBaseline();
  if (!o.baseline && !o.targets && !o.byParent) return undefined;
  // The YAML parser and the schema are loaded only for a targets file.
  const loadTargets = async (file: string) => (await import('../criteria/load-targets.js')).loadTargets(file);
  const targets = o.targets ? await loadTargets(o.targets) : undefined;
  const aliases = o.aliases ? await readAliases(o.aliases, ctx.encoding) : undefined;
  const ids = indicatorIds(targets);
  const log = new WarningLog();
  const baseline = o.baseline ? await readBaseline(o.baseline, ctx, ids, log) : undefined;
  return new ProgressCollector(o, ctx, targets, aliases, baseline, ids, log);
}

function matchWithoutBaseline(): never {
  return fail('usage', { case: 'match-without-baseline' });
}

const indicatorIds = (t?: TargetsFile) => [
  ...new Set((t?.totals ?? []).flatMap((x) => (x.indicator ? [x.indicator] : []))),
];

async function readBaseline(file: string, ctx: ProgressContext, ids: string[], log: WarningLog): Promise<Baseline> {
  const fixed = ctx.setId ? ctx.registry.get(ctx.setId) : undefined;
  const records: UnitRecord[] = [];
  const indicators = new Map<string, IndicatorTally>();
  let evaluate: ((row: Parameters<typeof evaluateUnit>[1]) => UnitResult) | undefined;
  let criterionIds: string[] = [];
  let noData = 0;
  const reading = readSurvey(file, {
    encoding: ctx.encoding,
    percentAsIs: ctx.percentAsIs,
    sheet: ctx.sheet,
    lang: ctx.lang,
    set: fixed,
    candidates: fixed ? [] : ctx.registry.all(),
    warn: log.add,
    onSetChosen: (set) => {
      const plan = compilePlan(set, setContext(set, ctx.region, ctx.year, ctx.group));
      const keep = keptIndicators(plan, ids);
      criterionIds = set.criteria.map((c) => c.id);
      evaluate = (row) => evaluateUnit(plan, row, log.add, { gaps: false, keep });
    },
  });
  for (;;) {
    const next = await reading.next();
    if (next.done) {
      const name = file === '-' ? '(stdin)' : file;
      if (noData) log.add(baselineNoData(name, noData));
      return { file: name, set: next.value.set, records, indicators };
    }
    for (const row of next.value) {
      const u = evaluate!(row);
      for (const c of u.criteria) if (c === 'no-data') noData++;
      records.push(unitRecord(u, criterionIds));
      tally(indicators, u);
    }
  }
}

function tally(into: Map<string, IndicatorTally>, u: UnitResult): void {
  for (const [id, v] of Object.entries(u.values ?? {})) {
    const t = into.get(id) ?? { sum: 0, count: 0 };
    t.sum += v;
    t.count++;
    into.set(id, t);
  }
}

/**
 * Watches the units of a run as they stream past (`observe`): it keeps compact records (names and
 * criteria met: memory grows with the units, never with their gaps), per-parent totals and
 * indicator sums, and at the tail compares with the baseline, rolls up and judges the targets.
 */
export class ProgressCollector {
  private readonly records: UnitRecord[] = [];
  private readonly indicators = new Map<string, IndicatorTally>();
  private rollup?: RollupBuilder;
  private criterionIds: string[] = [];

  constructor(
    private readonly o: ProgressOptions,
    private readonly ctx: ProgressContext,
    private readonly targets: TargetsFile | undefined,
    private readonly aliases: Map<string, string> | undefined,
    private readonly baseline: Baseline | undefined,
    /** Indicators whose values the run must keep (`evaluateUnit`'s `keep`). */
    readonly indicatorIds: string[],
    private readonly log: WarningLog,
  ) {}

  /**
   * The run with its units watched and its tail completed. Checks what can be checked once the
   * run's set is known, before any report is begun: the baseline's level, the targets that need a
   * baseline, the indicators the targets name.
   */
  observe(run: RunStream): RunStream {
    const set = this.ctx.registry.get(run.head.set.id);
    this.start(set);
    const units = this.watch(run.units);
    let tail: RunTail | undefined;
    return { head: run.head, units, tail: () => (tail ??= this.finish(set, run.tail())) };
  }

  private start(set: CriteriaSet): void {
    this.criterionIds = set.criteria.map((c) => c.id);
    if (this.o.byParent) this.rollup = new RollupBuilder(set.criteria);
    const b = this.baseline;
    if (b && b.set.level !== set.level) {
      fail('baseline-level-differs', { before: b.set.level, level: set.level }, { file: b.file });
    }
    if (this.targets) {
      // Judged on no units: what is left are the problems no unit can cause.
      const early = this.judgeTargets(set, [], EMPTY_SUMMARY, this.baseline ? ZERO_TOTALS : undefined);
      const problems = early.problems.filter((p) => p.kind !== 'target-unit-unknown');
      if (problems.length) throw new InputError(problems);
    }
  }

  private async *watch(units: AsyncIterable<UnitResult>): AsyncGenerator<UnitResult> {
    const keep = Boolean(this.baseline || this.targets);
    for await (const u of units) {
      this.rollup?.add(u);
      if (keep) this.records.push(unitRecord(u, this.criterionIds));
      tally(this.indicators, u);
      yield u;
    }
  }

  /** The run's tail with the progress, the roll-ups and the targets; a target that names no unit is an error. */
  private finish(set: CriteriaSet, tail: RunTail): RunTail {
    const parts: ProgressParts = {};
    const errors: Problem[] = [];
    if (this.rollup) parts.byParent = this.rollup.build();
    if (this.baseline) parts.progress = this.compare(set);
    if (this.targets) {
      const { report, problems } = this.judge(set, tail.summary, parts.progress);
      if (problems.length) errors.push(...problems);
      else parts.targets = report;
    }
    const counts = { ...(tail.warningCounts ?? {}) };
    for (const [kind, n] of Object.entries(this.log.byKind())) {
      counts[kind as Problem['kind']] = (counts[kind as Problem['kind']] ?? 0) + n!;
    }
    return {
      ...tail,
      ...parts,
      warnings: [...tail.warnings, ...this.log.warnings],
      warningCounts: counts,
      errors: [...(tail.errors ?? []), ...errors],
    };
  }

  private compare(set: CriteriaSet): Progress {
    const b = this.baseline!;
    const before = new Set(b.set.criteria.map((c) => c.id));
    const now = new Set(this.criterionIds);
    const differ = [...this.criterionIds.filter((id) => !before.has(id)), ...[...before].filter((id) => !now.has(id))];
    if (differ.length) {
      const ids = differ.join(', ');
      const params = { before: b.set.id, set: set.id, ids };
      this.log.add(problem('baseline-criteria-differ', params, { severity: 'warning', file: b.file }));
    }
    const tracker = new ProgressTracker(b.file, b.records, { matchNear: this.o.matchNear, aliases: this.aliases });
    for (const r of this.records) tracker.add(r);
    const progress = tracker.build();
    for (const l of progress.likely) this.log.add(likelySameUnit(b.file, l));
    return progress;
  }

  private judge(
    set: CriteriaSet,
    summary: Summary,
    progress: Progress | undefined,
  ): { report: ProgressParts['targets']; problems: Problem[] } {
    const facts = (u: Progress['units'][number]): UnitFact => ({
      name: u.name,
      parent: u.parent,
      met: u.after!,
      meets: u.meetsAfter!,
      before: u.before,
      meetsBefore: u.meetsBefore,
    });
    const units: UnitFact[] = progress
      ? progress.units.filter((u) => u.status !== 'gone').map(facts)
      : this.records.map((r) => ({ ...r, met: r.met.length, before: null, meetsBefore: null }));
    const { evaluation, problems } = this.judgeTargets(set, units, summary, progress?.totals);
    const file = this.o.targets!;
    if (evaluation.skipped.length) {
      const labels = evaluation.skipped.map((s) => `${s.label} (line ${s.source.line}: ${s.for})`).join('; ');
      const count = evaluation.skipped.length;
      this.log.add(problem('targets-skipped', { count, set: set.id, labels }, { severity: 'warning', file }));
    }
    const report = { plan: this.targets!.plan, file: basename(file), ...evaluation };
    return { report, problems };
  }

  private judgeTargets(
    set: CriteriaSet,
    units: UnitFact[],
    summary: TargetRun['summary'],
    totals: ProgressTotals | undefined,
  ): ReturnType<typeof evaluateTargets> {
    const t = this.targets!;
    const indicators = new Map(
      set.criteria.flatMap((c) =>
        c.indicators.map((i) => [i.id, { name: i.name, unit: i.type === 'percent' ? '%' : i.unit }] as const),
      ),
    );
    const run: TargetRun = {
      set: { id: set.id, level: set.level, indicators },
      units,
      summary,
      totals,
      indicators: this.indicators,
      baselineIndicators: this.baseline?.indicators,
      matchNear: this.o.matchNear,
    };
    const r = evaluateTargets(t, run, targetLabeller(this.ctx.lang), t.plan.file ?? t.plan.document);
    return { ...r, problems: r.problems.map((p) => ({ ...p, file: this.o.targets })) };
  }
}

function baselineNoData(file: string, count: number): Problem {
  return problem('baseline-no-data', { count }, { severity: 'warning', file });
}

function likelySameUnit(file: string, l: Progress['likely'][number]): Problem {
  const params = { unit: l.name, parent: l.parent, baselineName: l.baselineName, matched: l.matched ? 1 : undefined };
  return problem('likely-same-unit', params, { severity: 'warning', file });
}

const EMPTY_SUMMARY = { units: 0, meeting: 0, averageMet: 0 };
const NO_CHANGE = { before: 0, after: 0, change: 0 };
/** Stands for a baseline before any unit is seen: only that there is one matters then. */
const ZERO_TOTALS: ProgressTotals = {
  units: NO_CHANGE,
  meeting: NO_CHANGE,
  averageMet: NO_CHANGE,
  gaining: 0,
  losing: 0,
  newlyMeeting: 0,
  noLongerMeeting: 0,
  new: 0,
  gone: 0,
};
