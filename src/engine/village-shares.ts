import type { SurveyRow } from '../data/read-survey.js';
import { unitKey } from '../data/unit-index.js';
import { problem, type Problem } from '../problems.js';
import type { Plan } from './evaluate.js';
import type { UnitResult } from './types.js';

interface CommuneCount {
  villages: number;
  /** Per village criterion (the village set's order): how many villages meet it. */
  met: number[];
  /** The commune row that took these villages, when matched by name alone. */
  takenBy?: string;
}

/**
 * The villages of each commune, counted as they are read: how many, and how many meet each
 * village criterion. Communes are told apart by name and district (the village file's district
 * column, when it has one), compared with their diacritics: Văn Tùng is not Vân Tùng.
 */
export class VillageTally {
  private readonly communes = new Map<string, CommuneCount>();
  private withDistrict = false;

  constructor(private readonly criterionIds: string[]) {}

  add(village: Pick<SurveyRow, 'parent' | 'district'>, result: Pick<UnitResult, 'criteria'>): void {
    if (village.district) this.withDistrict = true;
    const key = unitKey(village.parent, village.district ?? '');
    let c = this.communes.get(key);
    if (!c) this.communes.set(key, (c = { villages: 0, met: this.criterionIds.map(() => 0) }));
    c.villages++;
    result.criteria.forEach((s, i) => {
      if (s === 'met') c.met[i]!++;
    });
  }

  /**
   * The villages of a commune row (name, and district as its parent). A village file without a
   * district column matches by name alone, so one commune name can take its villages only once.
   */
  of(commune: Pick<SurveyRow, 'name' | 'parent'>): CommuneCount | 'taken' | undefined {
    const exact = this.communes.get(unitKey(commune.name, commune.parent));
    if (exact || this.withDistrict) return exact;
    const byName = this.communes.get(unitKey(commune.name, ''));
    if (!byName) return undefined;
    const who = unitKey(commune.name, commune.parent);
    if (byName.takenBy !== undefined && byName.takenBy !== who) return 'taken';
    byName.takenBy = who;
    return byName;
  }

  index(criterion: string): number {
    return this.criterionIds.indexOf(criterion);
  }
}

/**
 * Fills a commune row's village-derived indicators with the share (%) of its villages meeting
 * the named village criterion. A value the commune file gives stands (the village file may be
 * partial); where it differs from the computed share, a warning shows both. Returns a new row.
 */
export function withVillageShares(
  row: SurveyRow,
  plan: Plan,
  tally: VillageTally,
  warn: (p: Problem) => void,
): SurveyRow {
  const t = tally.of(row);
  const values = row.values.map((v) => v && [...v]);
  const unit = row.name;
  const at = { severity: 'warning' as const, file: row.file, sheet: row.sheet, line: row.line };
  plan.criteria.forEach(({ indicators }, ci) => {
    indicators.forEach(({ ind }, ii) => {
      if (!ind.fromVillages) return;
      const own = values[ci]?.[ii];
      if (t === 'taken') {
        warn(problem('villages-ambiguous', { unit, parent: row.parent, indicator: ind.id }, at));
        return;
      }
      if (!t) {
        if (own === undefined || own === null) {
          warn(problem('no-villages', { unit, indicator: ind.id }, at));
        }
        return;
      }
      const share = Math.round(((t.met[tally.index(ind.fromVillages.criterion)] ?? 0) / t.villages) * 10000) / 100;
      if (own !== undefined && own !== null) {
        if (typeof own === 'number' && Math.abs(own - share) > 0.01) {
          warn(problem('village-share-differs', { unit, indicator: ind.id, own, share, villages: t.villages }, at));
        }
        return;
      }
      (values[ci] ??= new Array(indicators.length))[ii] = share;
    });
  });
  return { ...row, values };
}
