import type { Problem } from '../problems.js';

/** How many warnings of one kind are kept in full; the rest are only counted. */
export const KEEP_PER_KIND = 5;

/**
 * The run's warnings, bounded: the first few of each kind in full, then only a count, so that a
 * warning repeated on every row of a national file costs a number, not a list.
 */
export class WarningLog {
  private readonly kept: Problem[] = [];
  private readonly counts = new Map<Problem['kind'], number>();

  add = (p: Problem): void => {
    const n = (this.counts.get(p.kind) ?? 0) + 1;
    this.counts.set(p.kind, n);
    if (n <= KEEP_PER_KIND) this.kept.push(p);
  };

  /** The warnings kept in full, in the order they came. */
  get warnings(): Problem[] {
    return this.kept;
  }

  /** Every warning counted, by kind. */
  byKind(): Partial<Record<Problem['kind'], number>> {
    return Object.fromEntries(this.counts);
  }

  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }
}

/** For each kind with warnings left out: how many were left out. */
export function leftOut(counts: Partial<Record<Problem['kind'], number>>): { kind: Problem['kind']; more: number }[] {
  return Object.entries(counts)
    .filter(([, n]) => n! > KEEP_PER_KIND)
    .map(([kind, n]) => ({ kind: kind as Problem['kind'], more: n! - KEEP_PER_KIND }));
}
