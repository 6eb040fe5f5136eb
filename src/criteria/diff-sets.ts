import { foldKey } from '../text/normalize.js';
import { REGIONS, regionCode } from './regions.js';
import type { ThresholdSpec } from './schema.js';
import { pickThreshold, thresholdLeaves, type ThresholdValue } from './threshold.js';
import type { CriteriaSet, Criterion, Indicator } from './types.js';

/** A threshold as it reads: the value with what it needs to be written ("≥ 98 %"). */
export interface Requirement {
  value: ThresholdValue;
  comparison: Indicator['comparison'];
  type: Indicator['type'];
  unit?: string;
}

export type ChangeKind =
  | 'criterion-added'
  | 'criterion-removed'
  | 'criterion-renamed'
  | 'indicator-added'
  | 'indicator-removed'
  | 'indicator-renamed'
  | 'indicator-redefined'
  | 'threshold-changed';

/**
 * One difference between two sets. `where` names the region and year a threshold applies to (empty
 * when it applies everywhere); `from` and `to` are names for renames and requirements (null: no
 * threshold) for thresholds; a redefinition lists its changed `fields`.
 */
export interface SetChange {
  change: ChangeKind;
  criterion: string;
  indicator?: string;
  /** The name in the newer set (the older one's when it was removed). */
  name: string;
  /** A rename that only respells (hóa / hoá, Thủy / Thuỷ): the same words once diacritics are set aside. */
  spelling?: true;
  /** What an indicator redefinition changed (null: not given). */
  fields?: { field: 'type' | 'unit' | 'comparison' | 'levels'; from: string | null; to: string | null }[];
  where?: string;
  from?: string | Requirement | null;
  to?: string | Requirement | null;
}

export interface SetDiff {
  from: SetRef;
  to: SetRef;
  changes: SetChange[];
}

interface SetRef {
  id: string;
  name: string;
  document: string;
  date: string;
}

/**
 * What changed from one set to the next, criterion by criterion in the newer set's order (removed
 * ones after): criteria and indicators added, removed or renamed (same id, other name), an
 * indicator's type, unit or comparison, and each threshold in every region and year either set
 * names. Pure: no I/O.
 */
export function diffSets(a: CriteriaSet, b: CriteriaSet, only?: { region?: string }): SetDiff {
  const changes: SetChange[] = [];
  const older = new Map(a.criteria.map((c) => [c.id, c]));
  for (const cb of b.criteria) {
    const ca = older.get(cb.id);
    if (!ca) {
      changes.push({ change: 'criterion-added', criterion: cb.id, name: cb.name });
      for (const i of cb.indicators)
        changes.push({ change: 'indicator-added', criterion: cb.id, indicator: i.id, name: i.name });
      continue;
    }
    if (ca.name !== cb.name)
      changes.push({ change: 'criterion-renamed', criterion: cb.id, name: cb.name, ...renamed(ca.name, cb.name) });
    changes.push(...diffIndicators(ca, cb, only));
  }
  const newer = new Set(b.criteria.map((c) => c.id));
  for (const ca of a.criteria) {
    if (newer.has(ca.id)) continue;
    changes.push({ change: 'criterion-removed', criterion: ca.id, name: ca.name });
    for (const i of ca.indicators)
      changes.push({ change: 'indicator-removed', criterion: ca.id, indicator: i.id, name: i.name });
  }
  return { from: ref(a), to: ref(b), changes };
}

function diffIndicators(ca: Criterion, cb: Criterion, only?: { region?: string }): SetChange[] {
  const changes: SetChange[] = [];
  const older = new Map(ca.indicators.map((i) => [i.id, i]));
  const at = { criterion: cb.id };
  for (const ib of cb.indicators) {
    const ia = older.get(ib.id);
    if (!ia) {
      changes.push({ change: 'indicator-added', ...at, indicator: ib.id, name: ib.name });
      continue;
    }
    const same = { ...at, indicator: ib.id, name: ib.name };
    if (ia.name !== ib.name) changes.push({ change: 'indicator-renamed', ...same, ...renamed(ia.name, ib.name) });
    const fields = (['type', 'unit', 'comparison', 'levels'] as const).flatMap((field) => {
      const [from = null, to = null] = [ia[field], ib[field]].map((v) => (Array.isArray(v) ? v.join(', ') : v));
      return from === to ? [] : [{ field, from, to }];
    });
    if (fields.length) changes.push({ change: 'indicator-redefined', ...same, fields });
    for (const t of diffThresholds(ia, ib, only)) changes.push({ change: 'threshold-changed', ...same, ...t });
  }
  const newer = new Set(cb.indicators.map((i) => i.id));
  for (const ia of ca.indicators) {
    if (!newer.has(ia.id)) changes.push({ change: 'indicator-removed', ...at, indicator: ia.id, name: ia.name });
  }
  return changes;
}

/**
 * The thresholds of two versions of an indicator compared in every region and year that either
 * names, so that a value split by region in one set and uniform in the other is still compared
 * region by region. Only the places where the requirement differs are returned.
 */
function diffThresholds(ia: Indicator, ib: Indicator, only?: { region?: string }): ThresholdChange[] {
  const keys = (spec: ThresholdSpec | undefined) =>
    spec === undefined ? [] : thresholdLeaves(spec).flatMap((l) => l.path);
  const named = [...keys(ia.threshold), ...keys(ib.threshold)];
  const codes = new Set(named.map((k) => regionCode(k)));
  // In the decisions' column order, whatever order the files list them in.
  let regions: (string | undefined)[] = REGIONS.map((r) => r.code).filter((c) => codes.has(c));
  if (only?.region) regions = regions.length ? regions.filter((r) => r === only.region) : [undefined];
  if (regions.length === 0) regions = [undefined];
  const yearList = unique(named.filter((k) => /^\d{4}$/.test(k))).sort();
  const years: (string | undefined)[] = yearList.length ? yearList : [undefined];
  const out: ThresholdChange[] = [];
  let picked = false;
  for (const region of regions) {
    for (const year of years) {
      const ctx = { region, year: year === undefined ? undefined : Number(year) };
      const [from, to] = [ia, ib].map((ind) => requirement(ind, ctx));
      picked ||= from !== null || to !== null;
      if (JSON.stringify(from) !== JSON.stringify(to))
        out.push({ where: [region, year].filter(Boolean).join(' '), from: from!, to: to! });
    }
  }
  // Thresholds that depend on something besides region and year cannot be picked here: compare
  // them key path by key path rather than report two different thresholds as equal.
  if (!picked && JSON.stringify(ia.threshold) !== JSON.stringify(ib.threshold)) return byLeaf(ia, ib);
  return out;
}

type ThresholdChange = { where: string; from: Requirement | null; to: Requirement | null };

function byLeaf(ia: Indicator, ib: Indicator): ThresholdChange[] {
  const leaves = (ind: Indicator) =>
    new Map(
      (ind.threshold === undefined ? [] : thresholdLeaves(ind.threshold)).map((l) => [
        l.path.join(' '),
        {
          // A relative threshold is shown by its rule: the value it comes to depends on the other set.
          value: l.value ?? `${l.relative!.factor} × ${l.relative!.set} ${l.relative!.indicator}`,
          comparison: ind.comparison,
          type: ind.type,
          ...(ind.unit ? { unit: ind.unit } : {}),
        },
      ]),
    );
  const [a, b] = [leaves(ia), leaves(ib)];
  return unique([...a.keys(), ...b.keys()]).flatMap((where) => {
    const [from = null, to = null] = [a.get(where), b.get(where)];
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ where, from, to }];
  });
}

function requirement(ind: Indicator, ctx: { region?: string; year?: number }): Requirement | null {
  const pick = pickThreshold(ind, ctx);
  if (!pick.ok) return null;
  return {
    value: pick.threshold.value,
    comparison: ind.comparison,
    type: ind.type,
    ...(ind.unit ? { unit: ind.unit } : {}),
  };
}

const renamed = (from: string, to: string) => ({
  from,
  to,
  ...(foldKey(from) === foldKey(to) ? { spelling: true as const } : {}),
});
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const ref = (s: CriteriaSet): SetRef => ({ id: s.id, name: s.name, document: s.source.document, date: s.source.date });
