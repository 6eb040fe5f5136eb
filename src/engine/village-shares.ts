import type { SurveyRow } from '../data/read-survey.js';
import type { Problem } from '../problems.js';
import { foldKey } from '../text/normalize.js';
import type { Plan } from './evaluate.js';
import type { UnitResult } from './types.js';

/** Per commune (folded name): how many villages, and how many meet each village criterion. */
export type VillageTally = Map<string, { villages: number; met: Map<string, number> }>;

export function tallyVillages(units: UnitResult[], criterionIds: string[]): VillageTally {
  const tally: VillageTally = new Map();
  for (const u of units) {
    const key = foldKey(u.parent);
    let t = tally.get(key);
    if (!t) tally.set(key, (t = { villages: 0, met: new Map() }));
    t.villages++;
    u.criteria.forEach((s, i) => {
      if (s === 'met') t!.met.set(criterionIds[i]!, (t!.met.get(criterionIds[i]!) ?? 0) + 1);
    });
  }
  return tally;
}

/**
 * Fills a commune row's village-derived indicators with the share (%) of its villages meeting
 * the named village criterion. Returns a new row; warns where the file's own value differs.
 */
export function withVillageShares(row: SurveyRow, plan: Plan, tally: VillageTally, warn: (p: Problem) => void): SurveyRow {
  const t = tally.get(foldKey(row.name));
  const values = row.values.map((v) => v && [...v]);
  plan.criteria.forEach(({ indicators }, ci) => {
    indicators.forEach(({ ind }, ii) => {
      if (!ind.fromVillages) return;
      if (!t) {
        warn({ kind: 'no-villages', severity: 'warning', file: row.file, sheet: row.sheet, line: row.line, params: { unit: row.name, indicator: ind.id }, message: `${row.name}: no villages of this commune in the village file; indicator ${ind.id} is not computed` });
        return;
      }
      const share = Math.round(((t.met.get(ind.fromVillages.criterion) ?? 0) / t.villages) * 10000) / 100;
      const own = values[ci]?.[ii];
      if (typeof own === 'number' && Math.abs(own - share) > 0.01) {
        warn({ kind: 'village-share-differs', severity: 'warning', file: row.file, sheet: row.sheet, line: row.line, params: { unit: row.name, indicator: ind.id, own, share, villages: t.villages }, message: `${row.name}: indicator ${ind.id} is ${own} in the file, ${share} computed from ${t.villages} villages; the computed value is used` });
      }
      (values[ci] ??= new Array(indicators.length))[ii] = share;
    });
  });
  return { ...row, values };
}
