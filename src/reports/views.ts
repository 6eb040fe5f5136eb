import type { Evaluation, Gap, UnitResult } from '../engine/types.js';

/** The planning view: for each criterion, the units that miss it (criteria in the set's order, `index` in it). */
export function groupByCriterion(ev: Evaluation): { index: number; id: string; name: string; owner?: string; units: UnitResult[] }[] {
  return ev.set.criteria
    .map((c, index) => ({ index, id: c.id, name: c.name, owner: c.owner, units: ev.units.filter((u) => u.criteria[index] !== 'met') }))
    .filter((r) => r.units.length > 0);
}

/**
 * Each department's to-do list: the rows given (one per gap, in unit order), grouped by the gap's
 * owner. Generic so that each report groups the rows it already made instead of looking them up.
 */
export function groupByOwner<R extends { gap: Gap }>(rows: R[]): { owner: string; gaps: R[] }[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const owner = r.gap.owner ?? '—';
    let list = groups.get(owner);
    if (!list) groups.set(owner, (list = []));
    list.push(r);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], 'vi')).map(([owner, gaps]) => ({ owner, gaps }));
}
