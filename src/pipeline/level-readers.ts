import { setContext } from '../criteria/threshold.js';
import type { CriteriaSet } from '../criteria/types.js';
import { readSurvey, type ReadOptions, type ReadResult, type SurveyRow } from '../data/read-survey.js';
import { compilePlan, evaluateUnit, type Plan } from '../engine/evaluate.js';
import { unitLevels } from '../engine/levels.js';
import type { UnitResult } from '../engine/types.js';
import { InputError, problem, type Problem } from '../problems.js';
import { missingColumns } from './run-warnings.js';

/** How the further sets of a --set list read a file: as the run reads it, each with its own set. */
export interface LevelContext {
  region?: string;
  year?: number;
  group?: number;
  gaps: boolean;
  read: Pick<ReadOptions, 'encoding' | 'percentAsIs' | 'sheet' | 'lang'>;
  warn: (p: Problem) => void;
}

/**
 * One further set of a --set list reading the same file alongside the run's reader: the file is
 * read once per set (each set has its own columns), in step, so that memory holds a batch per set.
 * A row is found by its line; rows come in the order of the file.
 */
class LevelReader {
  private readonly reading: AsyncGenerator<SurveyRow[], ReadResult>;
  private readonly plan: Plan;
  private batch: SurveyRow[] = [];
  private i = 0;
  private done = false;

  constructor(
    private readonly file: string,
    readonly set: CriteriaSet,
    private readonly ctx: LevelContext,
  ) {
    this.plan = compilePlan(set, setContext(set, ctx.region, ctx.year, ctx.group));
    this.reading = readSurvey(file, { ...ctx.read, set, candidates: [], warn: ctx.warn });
  }

  /** The unit of the row at `line` under this set; undefined when this reading has no such row. */
  async at(line: number): Promise<UnitResult | undefined> {
    for (;;) {
      while (this.i < this.batch.length) {
        const row = this.batch[this.i]!;
        if (row.line > line) return undefined;
        this.i++;
        if (row.line === line) return evaluateUnit(this.plan, row, this.ctx.warn, { gaps: this.ctx.gaps });
      }
      if (this.done) return undefined;
      const next = await this.pull();
      if (next.done) {
        this.done = true;
        for (const w of missingColumns(next.value, this.file)) this.ctx.warn(w);
      } else [this.batch, this.i] = [next.value, 0];
    }
  }

  /** The rest of the file, read through (its errors are the run's), once the run's reader is done. */
  async finish(): Promise<void> {
    while (!this.done) await this.at(Number.MAX_SAFE_INTEGER);
  }

  /** The next batch; a problem of this reading says which set it is for. */
  private async pull(): Promise<IteratorResult<SurveyRow[], ReadResult>> {
    try {
      return await this.reading.next();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw new InputError([levelSetUnreadable(this.file, this.set.id), ...e.problems]);
    }
  }
}

function levelSetUnreadable(file: string, set: string): Problem {
  return problem('level-set-unreadable', { set }, { file });
}

/** The further sets of a --set list over one file: each unit's levels, as the units come. */
export class LevelReaders {
  private readonly readers: LevelReader[];

  constructor(
    file: string,
    private readonly first: string,
    sets: CriteriaSet[],
    ctx: LevelContext,
  ) {
    this.readers = sets.map((set) => new LevelReader(file, set, ctx));
  }

  async judge(u: UnitResult): Promise<UnitResult> {
    const others = [];
    for (const r of this.readers) others.push({ set: r.set.id, result: await r.at(u.line) });
    u.levels = unitLevels({ set: this.first, result: u }, others);
    return u;
  }

  async finish(): Promise<void> {
    for (const r of this.readers) await r.finish();
  }
}
