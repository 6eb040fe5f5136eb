import { setContext, type Context } from '../criteria/threshold.js';
import { checkYearInPeriod } from '../criteria/period.js';
import type { Registry } from '../criteria/registry.js';
import type { CriteriaSet } from '../criteria/types.js';
import { readSurvey, type ReadResult, type SurveyRow } from '../data/read-survey.js';
import { UnitIndex } from '../data/unit-index.js';
import {
  compilePlan,
  evaluateUnit,
  keptIndicators,
  SummaryBuilder,
  type KeptIndicator,
  type Plan,
} from '../engine/evaluate.js';
import type { FileEvaluation, SetRef, Summary, UnitResult } from '../engine/types.js';
import { VillageTally, withVillageShares } from '../engine/village-shares.js';
import { fail, InputError, type Problem } from '../problems.js';
import { usingSetNotice, type Lang } from '../i18n/messages.js';
import type { RunHead, RunStream, RunTail } from '../reports/stream.js';
import { missingColumns, unjudgedIndicators, unverifiedThresholds } from './run-warnings.js';
import { LevelTally } from '../engine/levels.js';
import { LevelReaders } from './level-readers.js';
import { WarningLog } from './warning-log.js';

/** What a run reads, and how. */
export interface RunRequest {
  /** Survey files, "-" for standard input. */
  files: string[];
  registry: Registry;
  /** The set to use; when absent, each file's header chooses (and all must choose the same). */
  setId?: string;
  region?: string;
  year?: number;
  /** The commune group of 2026–2030 thresholds (--group); a row's group column overrides it. */
  group?: number;
  /** A village survey, to compute commune indicators that are shares of villages. */
  villages?: string;
  encoding?: string;
  /** Read percent columns as written, never as fractions of 1. */
  percentAsIs?: boolean;
  /** The worksheet of workbook inputs (name or number). */
  sheet?: string;
  /** Whether units carry their gaps; a summary-only run needs only their statuses. */
  gaps: boolean;
  /** Further sets judged in order after the first (--set A,B,…): each unit's highest level. */
  levels?: string[];
  /** Indicators whose numeric values each unit keeps (`UnitResult.values`): targets on an indicator. */
  keep?: string[];
  /** The language of notices. */
  lang: Lang;
  /** Told which set was chosen when ntm chose it. */
  onNotice: (message: string) => void;
}

/**
 * A file's units are held back until the file is read through, up to this many: a small file with
 * errors is then left out of the report whole. A larger one has its units flowing by the time an
 * error is found, and the run stops there (the report cannot be taken back).
 */
export const HOLD_UNITS = 10_000;

/**
 * Reads the survey files one after the other and evaluates each unit as it is read: a stream of
 * unit results, then the summary. A file that cannot be read (or fits another set) is reported
 * with its errors and the others are still evaluated. Resolves once the first units are ready,
 * so that a run that cannot start (no file readable) fails before any report is begun.
 */
export async function openRun(req: RunRequest): Promise<RunStream> {
  const run = new Run(req);
  const batches = run.batches();
  const first = await batches.next();
  if (first.done && run.errors.length) throw new InputError(run.errors);
  return { head: run.head(), units: flatten(first, batches), tail: () => run.tail() };
}

/**
 * The units one by one from their batches. Written out rather than as an async generator: a unit
 * then costs one resolved promise, not a generator's round trip (a tenth of a --quiet run).
 */
function flatten(first: IteratorResult<UnitResult[]>, rest: AsyncIterator<UnitResult[]>): AsyncIterable<UnitResult> {
  let batch: UnitResult[] = first.done ? [] : first.value;
  let done = Boolean(first.done);
  let i = 0;
  const next = async (): Promise<IteratorResult<UnitResult>> => {
    while (i >= batch.length) {
      if (done) return { value: undefined, done: true };
      const r = await rest.next();
      if (r.done) done = true;
      else [batch, i] = [r.value, 0];
    }
    return { value: batch[i++]!, done: false };
  };
  const iterator: AsyncIterableIterator<UnitResult> = {
    next: () => (i < batch.length ? Promise.resolve({ value: batch[i++]!, done: false }) : next()),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** The summary of a file left out: nothing counted (in the set's bands once the set is known). */
const emptySummary = (set?: CriteriaSet): Summary =>
  set
    ? new SummaryBuilder(set).build()
    : {
        units: 0,
        meeting: 0,
        incomplete: 0,
        averageMet: 0,
        mostMissed: [],
        bases: { verified: 0, secondary: 0, mark: 0 },
        bands: [],
        criteriaMet: [],
      };

class Run {
  readonly errors: Problem[] = [];
  private readonly log = new WarningLog();
  private readonly files: FileEvaluation[] = [];
  private readonly index = new UnitIndex();
  /** The value columns read in any file, as "criterion.indicator": the thresholds actually used. */
  private readonly judged = new Set<string>();
  private readonly fixed?: CriteriaSet;
  private set?: CriteriaSet;
  private plan?: Plan;
  private keep: KeptIndicator[] = [];
  private ctx: Context = {};
  private overall?: SummaryBuilder;
  private tally?: VillageTally;
  private readonly levelSets: CriteriaSet[];
  private readonly levelTally?: LevelTally;

  constructor(private readonly req: RunRequest) {
    this.fixed = req.setId ? req.registry.get(req.setId) : undefined;
    this.levelSets = (req.levels ?? []).map((id) => req.registry.get(id));
    if (this.levelSets.length) this.levelTally = new LevelTally([req.setId!, ...req.levels!]);
  }

  head(): RunHead {
    const s = this.set!;
    const set: SetRef = {
      id: s.id,
      name: s.name,
      level: s.level,
      document: s.source.document,
      date: s.source.date,
      criteria: s.criteria.map((c) => ({ id: c.id, name: c.name, owner: c.owner })),
    };
    const head: RunHead = { set, region: this.ctx.region, year: this.ctx.year, inputs: this.req.files.map(nameOf) };
    if (this.levelSets.length) head.levels = [s, ...this.levelSets].map(({ id, name }) => ({ id, name }));
    return head;
  }

  tail(): RunTail {
    return {
      files: this.files,
      summary: { ...this.overall!.build(), ...(this.levelTally ? { levels: this.levelTally.build() } : {}) },
      warnings: this.log.warnings,
      warningCounts: this.log.byKind(),
      errors: this.errors,
    };
  }

  async *batches(): AsyncGenerator<UnitResult[]> {
    for (const file of this.req.files) yield* this.file(file);
    const set = this.set;
    if (!set) return;
    for (const w of unverifiedThresholds(set, this.plan!, this.judged)) this.log.add(w);
    for (const w of unjudgedIndicators(set, this.plan!)) this.log.add(w);
  }

  private async *file(file: string): AsyncGenerator<UnitResult[]> {
    const name = nameOf(file);
    const reading = readSurvey(file, {
      encoding: this.req.encoding,
      percentAsIs: this.req.percentAsIs,
      sheet: this.req.sheet,
      lang: this.req.lang,
      // Each file's header chooses its set, so that a file of another set is caught, not misread.
      set: this.fixed,
      candidates: this.fixed ? [] : this.req.registry.all(),
      warn: this.log.add,
      units: this.index,
      onSetChosen: (chosen, how) => this.choose(chosen, how, file),
    });
    let perFile: SummaryBuilder | undefined;
    const levels = this.levelSets.length ? this.levelReaders(file) : undefined;
    // Units waiting for the end of the file; undefined once they flow.
    let held: UnitResult[] | undefined = [];
    let read: ReadResult;
    try {
      for (;;) {
        let next: IteratorResult<SurveyRow[], ReadResult>;
        try {
          next = await reading.next();
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          this.errors.push(...e.problems);
          // Units of this file are in the report already: it cannot be made whole.
          if (!held) throw new InputError(this.errors);
          this.files.push({ file: name, units: 0, summary: emptySummary(this.set), errors: e.problems.length });
          return;
        }
        if (next.done) {
          read = next.value;
          break;
        }
        if (this.req.villages) this.tally ??= await this.villageTally();
        perFile ??= new SummaryBuilder(this.set!);
        const units = next.value.map((row) => this.evaluate(row));
        if (levels) for (const u of units) this.levelTally!.add((await levels.judge(u)).levels!);
        for (const u of units) perFile.add(u);
        if (!held) yield units;
        else {
          for (const u of units) held.push(u);
          if (held.length >= HOLD_UNITS) {
            yield held;
            held = undefined;
          }
        }
      }
      await levels?.finish();
      if (held?.length) yield held;
      for (const w of missingColumns(read, name)) this.log.add(w);
      for (const col of read.headers.columns) {
        if (col.role === 'value') this.judged.add(`${col.criterion}.${col.indicator}`);
      }
      this.overall!.merge(perFile!);
      this.files.push({ file: name, units: read.rows, summary: perFile!.build() });
    } finally {
      // A reading left midway (an error here or in the report) lets its file and its thread go.
      await reading.return(undefined as never);
    }
  }

  private evaluate(row: SurveyRow): UnitResult {
    const plan = this.plan!;
    const warn = this.log.add;
    const input = this.tally ? withVillageShares(row, plan, this.tally, warn) : row;
    return evaluateUnit(plan, input, warn, { gaps: this.req.gaps, keep: this.keep });
  }

  private choose(chosen: CriteriaSet, how: string, file: string): void {
    if (!this.set) {
      // Before the set is taken: a year outside its period fails the file, with no verdict.
      checkYearInPeriod(chosen, this.req.year);
      this.set = chosen;
      if (how === 'matched') this.req.onNotice(usingSetNotice(this.req.lang, file, chosen.id, chosen.source.document));
      this.ctx = setContext(chosen, this.req.region, this.req.year, this.req.group);
      this.plan = compilePlan(chosen, this.ctx);
      this.keep = keptIndicators(this.plan, this.req.keep ?? []);
      this.overall = new SummaryBuilder(chosen);
    } else if (chosen.id !== this.set.id) {
      const before = this.set.id;
      fail('mixed-sets', { set: chosen.id, before }, { file });
    }
  }

  /** The further sets of a --set list, each reading the file by its own columns. */
  private levelReaders(file: string): LevelReaders {
    const { region, year, group, encoding, percentAsIs, sheet, lang, gaps } = this.req;
    const read = { encoding, percentAsIs, sheet, lang };
    const ctx = { region, year, group, gaps, read, warn: this.log.add };
    return new LevelReaders(file, this.req.setId!, this.levelSets, ctx);
  }

  /** The villages of the --villages file, counted per commune as they are read. */
  private async villageTally(): Promise<VillageTally> {
    const plan = this.plan!;
    const sets = new Set(plan.criteria.flatMap(({ indicators }) => indicators.map(({ ind }) => ind.fromVillages?.set)));
    sets.delete(undefined);
    const file = this.req.villages!;
    if (sets.size === 0) {
      const set = plan.set.id;
      fail('no-village-indicators', { set }, { file });
    }
    const villageSet = this.req.registry.get([...sets][0]!);
    // The villages are judged in the communes' region and year; only their statuses are counted.
    const vplan = compilePlan(villageSet, this.ctx);
    const tally = new VillageTally(villageSet.criteria.map((c) => c.id));
    const warn = this.log.add;
    const { encoding, percentAsIs, lang } = this.req;
    const options = { encoding, percentAsIs, lang, set: villageSet, candidates: [], warn };
    for await (const rows of readSurvey(file, options)) {
      for (const row of rows) tally.add(row, evaluateUnit(vplan, row, warn, { gaps: false }));
    }
    return tally;
  }
}

const nameOf = (file: string) => (file === '-' ? '(stdin)' : file);
