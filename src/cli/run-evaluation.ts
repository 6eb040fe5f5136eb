import { setContext, type Context } from '../criteria/threshold.js';
import { checkYearInPeriod } from '../criteria/period.js';
import type { Registry } from '../criteria/registry.js';
import type { CriteriaSet } from '../criteria/types.js';
import { readSurvey, type ReadResult, type SurveyRow } from '../data/read-survey.js';
import { compilePlan, evaluateUnit, SummaryBuilder, type Plan } from '../engine/evaluate.js';
import type { Evaluation, FileEvaluation, UnitResult } from '../engine/types.js';
import { tallyVillages, withVillageShares, type VillageTally } from '../engine/village-shares.js';
import { fail, type Problem } from '../problems.js';
import { usingSetNotice, type Lang } from '../i18n/messages.js';

export interface RunOptions {
  files: string[];
  registry: Registry;
  setId?: string;
  region?: string;
  year?: number;
  group?: number;
  villages?: string;
  encoding?: string;
  /** Read percent columns as written, never as fractions of 1. */
  percentAsIs?: boolean;
  /** The worksheet of workbook inputs (name or number). */
  sheet?: string;
  /** Keep only the summary (bounded memory for very large files). */
  summaryOnly: boolean;
  /** The language of notices. */
  lang: Lang;
  /** Told which set was chosen when ntm chose it. */
  onNotice: (message: string) => void;
}

/** Reads every file, evaluates every unit with one set, and summarises per file and overall. */
export async function runEvaluation(o: RunOptions): Promise<Evaluation> {
  const fixed = o.setId ? o.registry.get(o.setId) : undefined;
  const candidates = fixed ? [] : o.registry.all();
  const warnings: Problem[] = [];
  const warn = (p: Problem) => warnings.push(p);
  const units: UnitResult[] = [];
  const files: FileEvaluation[] = [];
  let set: CriteriaSet | undefined = fixed;
  let plan: Plan | undefined;
  let overall: SummaryBuilder | undefined;
  let ctx: Context = {};
  let tally: VillageTally | undefined;
  const judgedColumns = new Set<string>();

  for (const file of o.files) {
    let perFile: SummaryBuilder | undefined;
    // With --villages, commune rows wait until the set (known at the header) has named the village set.
    const pending: SurveyRow[] = [];
    const process = (row: SurveyRow) => {
      const u = evaluateUnit(plan!, tally ? withVillageShares(row, plan!, tally, warn) : row, warn, { gaps: !o.summaryOnly });
      perFile!.add(u);
      if (!o.summaryOnly) units.push(u);
    };
    const read: ReadResult = await readSurvey(file, {
      encoding: o.encoding,
      percentAsIs: o.percentAsIs,
      sheet: o.sheet,
      lang: o.lang,
      // Each file's header chooses its set, so that a file of another set is caught, not misread.
      set: fixed,
      candidates,
      onSetChosen: (chosen, how) => {
        if (!set) {
          set = chosen;
          if (how === 'matched') o.onNotice(usingSetNotice(o.lang, file, chosen.id, chosen.source.document));
        } else if (chosen.id !== set.id) {
          fail({ kind: 'mixed-sets', file, params: { set: chosen.id, before: set.id }, message: `this file fits set "${chosen.id}" but the files before it fit "${set.id}"`, hint: 'Evaluate files of one set per run, or name the set with --set.' });
        }
        if (!plan) {
          checkYearInPeriod(chosen, o.year);
          ctx = setContext(chosen, o.region, o.year, o.group);
          plan = compilePlan(chosen, ctx);
          overall = new SummaryBuilder(chosen);
        }
        perFile = new SummaryBuilder(chosen);
      },
      onRow: (row) => (o.villages ? pending.push(row) : process(row)),
    });
    if (o.villages) {
      tally ??= await villageTally(o, plan!, ctx, warn);
      pending.forEach(process);
    }
    warnings.push(...read.warnings);
    noteMissing(read, file, warn);
    for (const col of read.headers.columns) if (col.role === 'value') judgedColumns.add(`${col.criterion}.${col.indicator}`);
    overall!.merge(perFile!);
    files.push({ file: file === '-' ? '(stdin)' : file, units: read.rows, summary: perFile!.build() });
  }
  const s = set!;
  // A verdict is only as good as its thresholds: say which ones behind this run are unverified.
  const unverified = plan!.criteria.flatMap(({ indicators }, ci) => indicators.flatMap((p, ii) => (p.threshold !== undefined && !p.verified && judgedColumns.has(`${ci}.${ii}`) ? [p.ind.id] : [])));
  if (unverified.length) {
    warn({ kind: 'unverified-thresholds', severity: 'warning', file: s.file, params: { count: unverified.length, document: s.source.document, indicators: unverified.join(', '), set: s.id }, message: `${unverified.length} threshold${unverified.length > 1 ? 's' : ''} used here ${unverified.length > 1 ? 'are' : 'is'} not verified against the text of ${s.source.document}: ${unverified.join(', ')}`, hint: `\`ntm sets show ${s.id}\` shows each value's source; check them before relying on these verdicts.` });
  }
  // One line per reason, not per indicator: a partly sourced set would otherwise flood the screen.
  const byReason = new Map<string, { why: Plan['unjudged'][number]['why']; ids: string[] }>();
  for (const u of plan!.unjudged) {
    const group = byReason.get(u.reason) ?? { why: u.why, ids: [] };
    group.ids.push(u.indicator);
    byReason.set(u.reason, group);
  }
  for (const [reason, { why, ids }] of byReason) {
    warn({ kind: 'unjudged-indicator', severity: 'warning', file: s.file, params: { ...why, count: ids.length, set: s.id, indicators: ids.join(', '), reason }, message: `${ids.length} indicator${ids.length > 1 ? 's' : ''} of "${s.id}" cannot be judged (${reason}): ${ids.join(', ')}`, hint: 'Their criteria cannot be declared met from values; a criterion mark column (Đạt / Không đạt) decides them.' });
  }
  return {
    set: { id: s.id, name: s.name, level: s.level, document: s.source.document, date: s.source.date, criteria: s.criteria.map((c) => ({ id: c.id, name: c.name, owner: c.owner })) },
    region: ctx.region,
    year: ctx.year,
    units,
    files,
    summary: overall!.build(),
    warnings,
  };
}

async function villageTally(o: RunOptions, plan: Plan, ctx: Context, warn: (p: Problem) => void): Promise<VillageTally> {
  const sets = new Set(plan.criteria.flatMap(({ indicators }) => indicators.flatMap(({ ind }) => (ind.fromVillages ? [ind.fromVillages.set] : []))));
  if (sets.size === 0) {
    fail({ kind: 'no-village-indicators', file: o.villages, params: { set: plan.set.id }, message: `set "${plan.set.id}" has no indicator computed from villages, so --villages has nothing to do`, hint: 'Use a set whose indicators say `from_villages`, or leave out --villages.' });
  }
  const villageSet = o.registry.get([...sets][0]!);
  // The villages are judged in the communes' region and year; only their statuses are counted.
  const vplan = compilePlan(villageSet, ctx);
  const vunits: UnitResult[] = [];
  const read = await readSurvey(o.villages!, { encoding: o.encoding, percentAsIs: o.percentAsIs, lang: o.lang, set: villageSet, candidates: [], onRow: (row) => vunits.push(evaluateUnit(vplan, row, warn, { gaps: false })) });
  for (const w of read.warnings) warn(w);
  return tallyVillages(vunits, villageSet.criteria.map((c) => c.id));
}

/** One problem naming every criterion and indicator the file has no column for (a warning when evaluating). */
export function noteMissing(read: ReadResult, file: string, warn: (p: Problem) => void, severity: Problem['severity'] = 'warning'): void {
  if (read.missing.length === 0) return;
  const names = read.missing.map(({ criterion, indicator }) => {
    const c = read.set.criteria[criterion]!;
    return indicator === undefined ? `${c.id} ${c.name}` : `${c.indicators[indicator]!.id} ${c.indicators[indicator]!.name}`;
  });
  warn({ kind: 'missing-column', severity, file, sheet: read.sheet, params: { count: names.length, names: names.join('; ') }, message: `no column for ${names.length} criteria/indicators, so no data for every unit: ${names.join('; ')}`, hint: 'Surveys are often partial; units cannot be declared as meeting the standard without these.' });
}

