import type { Gap, UnitLevels, UnitResult } from './types.js';

/** A unit's verdict under one set of a --set list; undefined where that set's reading has no such row. */
export interface LevelVerdict {
  set: string;
  result?: UnitResult;
}

/**
 * The highest level a unit reaches when judged against sets in order (NTM, advanced, model): the
 * last set it meets with every set before it; and the first set it does not meet, with its gaps.
 * The first set's gaps are the unit's own, so they are not repeated. A level whose verdict is
 * missing (no row) is not reached: nothing is assumed.
 */
export function unitLevels(first: LevelVerdict & { result: UnitResult }, others: LevelVerdict[]): UnitLevels {
  const all = [first, ...others];
  const sets = all.map(({ set, result }) =>
    result
      ? { set, status: result.status, met: result.met, total: result.total }
      : { set, status: 'incomplete' as const, met: 0, total: 0 },
  );
  const stop = all.findIndex((v) => !v.result?.meets);
  const reached = stop === 0 ? null : all[stop === -1 ? all.length - 1 : stop - 1]!.set;
  if (stop === -1) return { reached, sets, next: null };
  const next: { set: string; gaps?: Gap[] } = { set: all[stop]!.set };
  if (stop > 0) next.gaps = all[stop]!.result?.gaps ?? [];
  return { reached, sets, next };
}

/** Units by the highest level reached, in the sets' order, then those that reach none. */
export class LevelTally {
  private readonly counts: Map<string | null, number>;

  constructor(sets: readonly string[]) {
    this.counts = new Map([...sets.map((s) => [s, 0] as const), [null, 0]]);
  }

  add(levels: UnitLevels): void {
    this.counts.set(levels.reached, (this.counts.get(levels.reached) ?? 0) + 1);
  }

  build(): { set: string | null; units: number }[] {
    return [...this.counts].map(([set, units]) => ({ set, units }));
  }
}
