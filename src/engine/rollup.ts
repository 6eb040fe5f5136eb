import { nameKey } from './unit-names.js';
import type { UnitResult } from './types.js';

export interface ParentRollup {
  name: string;
  units: number;
  meeting: number;
  averageMet: number;
  /** The criteria its units miss most often, most first (at most `top`). */
  mostMissed: { criterion: string; name: string; units: number }[];
}

/**
 * Per parent (the commune of a village file, the district or province of a commune file): running
 * totals, so memory grows with the number of parents and criteria, not of units.
 */
export class RollupBuilder {
  private readonly parents = new Map<
    string,
    { name: string; units: number; meeting: number; metSum: number; missed: number[] }
  >();

  constructor(
    private readonly criteria: readonly { id: string; name: string }[],
    private readonly top = 3,
  ) {}

  add(u: UnitResult): void {
    const key = nameKey(u.parent);
    let p = this.parents.get(key);
    if (!p)
      this.parents.set(
        key,
        (p = { name: u.parent, units: 0, meeting: 0, metSum: 0, missed: this.criteria.map(() => 0) }),
      );
    p.units++;
    if (u.meets) p.meeting++;
    p.metSum += u.met;
    u.criteria.forEach((s, i) => {
      if (s !== 'met') p.missed[i]!++;
    });
  }

  /** Parents in the order they first appear in the file. */
  build(): ParentRollup[] {
    return [...this.parents.values()].map((p) => ({
      name: p.name,
      units: p.units,
      meeting: p.meeting,
      averageMet: Math.round((p.metSum / p.units) * 100) / 100,
      mostMissed: this.criteria
        .map((c, i) => ({ criterion: c.id, name: c.name, units: p.missed[i]! }))
        .filter((m) => m.units > 0)
        .sort((a, b) => b.units - a.units)
        .slice(0, this.top),
    }));
  }
}
