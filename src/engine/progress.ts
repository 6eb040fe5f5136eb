import { nameKey, nearMiss, unitKey } from './unit-names.js';
import type { UnitResult } from './types.js';

/** What a comparison keeps of a unit: enough to say what it gained and lost, not its gaps. */
export interface UnitRecord {
  name: string;
  parent: string;
  /** Ids of the criteria met. */
  met: string[];
  meets: boolean;
}

export function unitRecord(u: UnitResult, criterionIds: readonly string[]): UnitRecord {
  const met: string[] = [];
  u.criteria.forEach((s, i) => {
    if (s === 'met') met.push(criterionIds[i]!);
  });
  return { name: u.name, parent: u.parent, met, meets: u.meets };
}

export interface UnitProgress {
  name: string;
  parent: string;
  /** The name in the baseline where it differs (a near miss or an alias that matched). */
  baselineName?: string;
  /** Criteria met last time and now; null where the unit is absent from that survey. */
  before: number | null;
  after: number | null;
  gained: string[];
  lost: string[];
  meetsBefore: boolean | null;
  meetsAfter: boolean | null;
  status: 'same' | 'new' | 'gone';
}

/** A unit of this survey that is probably a baseline unit under a slightly different name. */
export interface LikelySame {
  name: string;
  parent: string;
  baselineName: string;
  /** Whether it was matched (with --match-near); otherwise it counts as new, and the other as gone. */
  matched: boolean;
}

export interface ProgressTotals {
  units: Change;
  meeting: Change;
  averageMet: Change;
  /** Matched units that gained at least one criterion, and that lost at least one. */
  gaining: number;
  losing: number;
  /** Units that meet the standard now and did not (or were absent) last time; and the reverse. */
  newlyMeeting: number;
  noLongerMeeting: number;
  new: number;
  gone: number;
}

export interface Change {
  before: number;
  after: number;
  change: number;
}

export interface Progress {
  /** The baseline survey as reports name it. */
  baseline: string;
  units: UnitProgress[];
  likely: LikelySame[];
  totals: ProgressTotals;
}

export interface MatchOptions {
  /** Match near misses (one letter or tone mark apart, same parent) instead of only reporting them. */
  matchNear: boolean;
  /** This survey's name → the baseline's name (keys as `nameKey` gives them). */
  aliases?: ReadonlyMap<string, string>;
}

/**
 * Compares this year's units with last year's. Both sides are kept as compact records (names and
 * ids of the criteria met), so memory grows with the number of units, never with their gaps.
 */
export class ProgressTracker {
  private readonly current: UnitRecord[] = [];

  constructor(
    private readonly baselineName: string,
    private readonly baseline: readonly UnitRecord[],
    private readonly opts: MatchOptions,
  ) {}

  add(record: UnitRecord): void {
    this.current.push(record);
  }

  build(): Progress {
    const base = new Map<string, { r: UnitRecord; used: boolean }>();
    for (const r of this.baseline) {
      const key = unitKey(r.name, r.parent);
      if (!base.has(key)) base.set(key, { r, used: false });
    }
    const pairs: (UnitRecord | undefined)[] = this.current.map((r) => {
      const direct = base.get(unitKey(r.name, r.parent));
      const alias = this.opts.aliases?.get(nameKey(r.name));
      const hit =
        direct && !direct.used ? direct : alias !== undefined ? base.get(unitKey(alias, r.parent)) : undefined;
      if (!hit || hit.used) return undefined;
      hit.used = true;
      return hit.r;
    });
    const likely = this.nearMisses(base, pairs);
    const units: UnitProgress[] = this.current.map((r, i) => compare(r, pairs[i]));
    for (const { r, used } of base.values()) if (!used) units.push(compare(undefined, r));
    return { baseline: this.baselineName, units, likely, totals: totalsOf(this.baseline, this.current, units) };
  }

  /** Unmatched units of this survey against unmatched baseline units of the same parent. */
  private nearMisses(
    base: Map<string, { r: UnitRecord; used: boolean }>,
    pairs: (UnitRecord | undefined)[],
  ): LikelySame[] {
    const byParent = new Map<string, { r: UnitRecord; used: boolean }[]>();
    for (const entry of base.values()) {
      if (entry.used) continue;
      const key = nameKey(entry.r.parent);
      byParent.set(key, [...(byParent.get(key) ?? []), entry]);
    }
    const likely: LikelySame[] = [];
    this.current.forEach((r, i) => {
      if (pairs[i]) return;
      const name = nameKey(r.name);
      const near = (byParent.get(nameKey(r.parent)) ?? []).filter((e) => !e.used && nearMiss(name, nameKey(e.r.name)));
      // Two candidates are two guesses: neither is matched, both are said.
      const matched = this.opts.matchNear && near.length === 1;
      for (const e of near) likely.push({ name: r.name, parent: r.parent, baselineName: e.r.name, matched });
      if (matched) {
        near[0]!.used = true;
        pairs[i] = near[0]!.r;
      }
    });
    return likely;
  }
}

function compare(now: UnitRecord | undefined, before: UnitRecord | undefined): UnitProgress {
  const was = new Set(before?.met ?? []);
  const is = new Set(now?.met ?? []);
  const r = (now ?? before)!;
  const p: UnitProgress = {
    name: r.name,
    parent: r.parent,
    before: before ? before.met.length : null,
    after: now ? now.met.length : null,
    gained: now && before ? now.met.filter((id) => !was.has(id)) : [],
    lost: now && before ? before.met.filter((id) => !is.has(id)) : [],
    meetsBefore: before ? before.meets : null,
    meetsAfter: now ? now.meets : null,
    status: now && before ? 'same' : now ? 'new' : 'gone',
  };
  if (now && before && before.name !== now.name) p.baselineName = before.name;
  return p;
}

function totalsOf(
  baseline: readonly UnitRecord[],
  current: readonly UnitRecord[],
  units: UnitProgress[],
): ProgressTotals {
  const avg = (rs: readonly UnitRecord[]) => (rs.length ? rs.reduce((n, r) => n + r.met.length, 0) / rs.length : 0);
  const change = (before: number, after: number): Change => ({
    before: round2(before),
    after: round2(after),
    change: round2(after - before),
  });
  const count = (f: (u: UnitProgress) => boolean) => units.reduce((n, u) => n + (f(u) ? 1 : 0), 0);
  return {
    units: change(baseline.length, current.length),
    meeting: change(baseline.filter((r) => r.meets).length, current.filter((r) => r.meets).length),
    averageMet: change(avg(baseline), avg(current)),
    gaining: count((u) => u.status === 'same' && u.gained.length > 0),
    losing: count((u) => u.status === 'same' && u.lost.length > 0),
    newlyMeeting: count((u) => u.meetsAfter === true && u.meetsBefore !== true),
    noLongerMeeting: count((u) => u.meetsBefore === true && u.meetsAfter === false),
    new: count((u) => u.status === 'new'),
    gone: count((u) => u.status === 'gone'),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
