import type { Gap, UnitResult } from '../engine/types.js';
import type { Lang } from '../i18n/messages.js';
import { missingUnitLabel } from './annex.js';
import type { Spill } from './spill.js';
import type { RunHead } from './stream.js';

/** One criterion of the planning view: how many units miss it, and (read once, in unit order) which. */
export interface CriterionGroup {
  index: number;
  id: string;
  name: string;
  owner: string;
  count: number;
  which: () => AsyncIterable<string>;
}

/**
 * The planning view as the units stream by: per criterion, a count, and the labels of the units that
 * miss it spilled to disk, read back criterion by criterion in the set's order.
 */
export class CriterionView {
  constructor(
    private readonly spill: Spill,
    private readonly head: RunHead,
    private readonly lang: Lang,
  ) {}

  async add(u: UnitResult): Promise<void> {
    for (let i = 0; i < u.criteria.length; i++) {
      if (u.criteria[i] !== 'met')
        await this.spill.writeJson(`criterion ${i}`, missingUnitLabel(this.head, i, u, this.lang));
    }
  }

  *groups(): Generator<CriterionGroup> {
    for (const [index, c] of this.head.set.criteria.entries()) {
      const key = `criterion ${index}`;
      const count = this.spill.count(key);
      if (count)
        yield {
          index,
          id: c.id,
          name: c.name,
          owner: c.owner ?? '',
          count,
          which: () => this.spill.records<string>(key),
        };
    }
  }
}

/** The labels of a criterion's units joined into one cell. */
export async function joinWhich(g: CriterionGroup, sep: string): Promise<string> {
  const labels: string[] = [];
  for await (const label of g.which()) labels.push(label);
  return labels.join(sep);
}

/**
 * Each department's to-do list as the units stream by: each gap's line (whatever the report makes
 * of it) spilled under its owner, read back department by department in Vietnamese order.
 */
export class OwnerView<L> {
  constructor(private readonly spill: Spill) {}

  add(gap: Gap, line: L): Promise<void> {
    return this.spill.writeJson(`owner ${gap.owner ?? '—'}`, line);
  }

  groups(): { owner: string; count: number; lines: () => AsyncIterable<L> }[] {
    return this.spill
      .names()
      .filter((k) => k.startsWith('owner '))
      .map((k) => ({
        owner: k.slice('owner '.length),
        count: this.spill.count(k),
        lines: () => this.spill.records<L>(k),
      }))
      .sort((a, b) => a.owner.localeCompare(b.owner, 'vi'));
  }
}
