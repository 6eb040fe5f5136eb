import type { Evaluation, Gap, UnitResult } from '../engine/types.js';

/** The planning view: for each criterion, the units that miss it (criteria in the set's order). */
export function groupByCriterion(ev: Evaluation): { id: string; name: string; owner?: string; units: UnitResult[] }[] {
  return ev.set.criteria
    .map((c, i) => ({ id: c.id, name: c.name, owner: c.owner, units: ev.units.filter((u) => u.criteria[i] !== 'met') }))
    .filter((r) => r.units.length > 0);
}

/** Each department's to-do list: every gap it owns, by unit. */
export function groupByOwner(ev: Evaluation): { owner: string; gaps: { unit: UnitResult; gap: Gap }[] }[] {
  const groups = new Map<string, { unit: UnitResult; gap: Gap }[]>();
  for (const unit of ev.units) {
    for (const gap of unit.gaps) {
      const owner = gap.owner ?? '—';
      let list = groups.get(owner);
      if (!list) groups.set(owner, (list = []));
      list.push({ unit, gap });
    }
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], 'vi')).map(([owner, gaps]) => ({ owner, gaps }));
}
