import type { CriteriaSet, Criterion, Indicator } from '../criteria/types.js';
import { cleanCell, foldKey, nfc } from '../text/normalize.js';

/** What a survey column holds, once its header is matched. */
export type Column =
  | { role: 'seq' }
  | { role: 'name' }
  | { role: 'parent' }
  | { role: 'district' }
  | { role: 'total' }
  | { role: 'group' }
  | { role: 'mark'; criterion: number }
  | { role: 'value'; criterion: number; indicator: number }
  | { role: 'unknown' }
  | { role: 'empty' };

const words = (...ws: string[]) => new Set(ws.map(foldKey));
const SEQ = words('TT', 'STT', 'Số TT', 'Số thứ tự', 'No', 'No.', '#');
const VILLAGE = words('Tên thôn', 'Thôn', 'Thôn, bản', 'Thôn/bản', 'Tên thôn, bản', 'Tên thôn/bản', 'Bản', 'Tên bản', 'Thôn/tổ dân phố', 'Village', 'Village name');
const COMMUNE = words('Tên xã', 'Xã', 'Xã/phường/thị trấn', 'Xã, phường, thị trấn', 'Tên xã/phường', 'Commune', 'Commune name');
const DISTRICT = words('Tên huyện', 'Huyện', 'Huyện/thành phố', 'Huyện, thị xã, thành phố', 'District');
const PROVINCE = words('Tỉnh', 'Tên tỉnh', 'Tỉnh/thành phố', 'Tỉnh, thành phố', 'Tên tỉnh/thành phố', 'Province');
/** The commune group of 51/2025/QĐ-TTg, per row: thresholds are picked by it. */
const GROUP = words('Nhóm xã', 'Nhóm', 'Xã nhóm', 'Commune group', 'Group');
const GENERIC_NAME = words('Tên đơn vị', 'Đơn vị', 'Unit', 'Name', 'Tên');
const TOTAL = words('Tổng số tiêu chí đạt', 'Tổng số TC đạt', 'Tổng số tiêu chí', 'Số tiêu chí đạt', 'Tổng tiêu chí đạt', 'Tổng', 'Total', 'Criteria met');

type Target = { criterion: number; indicator?: number };

export interface Vocabulary {
  names: Map<string, Target>;
  criterionIds: Map<string, number>;
  indicatorIds: Map<string, Target>;
}

/** Every way a header can name a criterion or an indicator of this set, folded. */
export function vocabulary(set: CriteriaSet): Vocabulary {
  const names = new Map<string, Target>();
  const criterionIds = new Map<string, number>();
  const indicatorIds = new Map<string, Target>();
  set.criteria.forEach((c: Criterion, ci) => {
    criterionIds.set(c.id, ci);
    for (const n of [c.name, c.nameEn, ...c.aliases]) if (n) names.set(foldKey(n), { criterion: ci });
    c.indicators.forEach((ind: Indicator, ii) => {
      indicatorIds.set(ind.id, { criterion: ci, indicator: ii });
      for (const n of [ind.name, ind.nameEn, ...ind.aliases]) {
        // A criterion's own name wins over an indicator that repeats it.
        if (n && !names.has(foldKey(n))) names.set(foldKey(n), { criterion: ci, indicator: ii });
      }
    });
  });
  return { names, criterionIds, indicatorIds };
}

const ID_PREFIX = /^\s*(?:(?:tiêu\s*chí|tieu\s*chi|tc|chỉ\s*tiêu|chi\s*tieu|ct)\s*(?:số|so)?\s*)?(\d+(?:\.\d+)*)\s*[.:)\-–—]?\s*(.*)$/isu;

/** Matches one header to a criterion (a mark column) or an indicator (a value column). */
function matchTarget(header: string, vocab: Vocabulary): { target: Target; byName: boolean } | undefined {
  const folded = foldKey(header);
  if (!folded) return undefined;
  const byName = vocab.names.get(folded);
  if (byName) return { target: byName, byName: true };
  const m = ID_PREFIX.exec(nfc(header));
  if (!m) return undefined;
  const [, id, rest] = m;
  const restTarget = rest ? vocab.names.get(foldKey(rest)) : undefined;
  // An indicator id names a value column, whatever name follows ("10 Thu nhập" → indicator 10).
  const ind = vocab.indicatorIds.get(id!);
  if (ind) return { target: ind, byName: restTarget !== undefined && restTarget.criterion === ind.criterion };
  if (restTarget) return { target: restTarget, byName: true };
  const crit = vocab.criterionIds.get(id!);
  // "3" alone is criterion 3; "3 Something unknown" is taken as criterion 3 only when it has no dot-id.
  if (crit !== undefined) return { target: { criterion: crit }, byName: false };
  return undefined;
}

function unitRole(folded: string, level: CriteriaSet['level']): Column['role'] | undefined {
  if (SEQ.has(folded)) return 'seq';
  if (TOTAL.has(folded)) return 'total';
  if (GROUP.has(folded)) return level === 'xa' ? 'group' : 'unknown';
  if (VILLAGE.has(folded)) return level === 'thon' ? 'name' : 'unknown';
  if (COMMUNE.has(folded)) return level === 'thon' ? 'parent' : level === 'xa' ? 'name' : 'unknown';
  if (DISTRICT.has(folded)) return level === 'xa' ? 'parent' : level === 'huyen' ? 'name' : 'district';
  if (PROVINCE.has(folded)) return level === 'huyen' ? 'parent' : 'district';
  if (GENERIC_NAME.has(folded)) return 'name';
  return undefined;
}

/** The level of the rows, from the name columns: villages when there is a village column. */
export function unitLevel(headers: string[]): CriteriaSet['level'] | undefined {
  const folded = headers.map(foldKey);
  if (folded.some((h) => VILLAGE.has(h))) return 'thon';
  if (folded.some((h) => COMMUNE.has(h))) return 'xa';
  if (folded.some((h) => DISTRICT.has(h))) return 'huyen';
  return undefined;
}

/**
 * How well a row fits this set as its header: `score` counts names double and bare ids once;
 * `unplaced` counts the cells that are neither a unit column nor a criterion of the set.
 */
export function headerFit(cells: string[], vocab: Vocabulary): { score: number; unplaced: number } {
  let score = 0;
  let unplaced = 0;
  for (const cell of cells) {
    const f = foldKey(cell);
    if (!f) continue;
    const unitColumn = SEQ.has(f) || VILLAGE.has(f) || COMMUNE.has(f) || DISTRICT.has(f) || PROVINCE.has(f) || TOTAL.has(f) || GENERIC_NAME.has(f) || GROUP.has(f);
    if (unitColumn) score += 1;
    const m = matchTarget(cell, vocab);
    if (m) score += m.byName ? 2 : 1;
    else if (!unitColumn) unplaced++;
  }
  return { score, unplaced };
}

export interface HeaderMap {
  columns: Column[];
  headers: string[];
  /** Header cells not recognised: reported, never used. */
  unknown: { index: number; header: string }[];
  /** Two columns for the same thing: a fatal problem. */
  duplicates: { index: number; header: string; first: number }[];
}

/** Maps every header cell to its role in this set. */
export function mapHeaders(headers: string[], set: CriteriaSet, vocab = vocabulary(set)): HeaderMap {
  const columns: Column[] = [];
  const unknown: HeaderMap['unknown'] = [];
  const duplicates: HeaderMap['duplicates'] = [];
  const seen = new Map<string, number>();
  headers.forEach((raw, index) => {
    const header = cleanCell(raw);
    const folded = foldKey(header);
    let col: Column;
    if (!folded) col = { role: 'empty' };
    else {
      const role = unitRole(folded, set.level);
      const m = role ? undefined : matchTarget(header, vocab);
      if (role && role !== 'unknown') col = { role } as Column;
      else if (m && m.target.indicator !== undefined) col = { role: 'value', criterion: m.target.criterion, indicator: m.target.indicator };
      else if (m) col = { role: 'mark', criterion: m.target.criterion };
      else col = { role: 'unknown' };
    }
    if (col.role === 'unknown') unknown.push({ index, header });
    const key = col.role === 'mark' ? `m${col.criterion}` : col.role === 'value' ? `v${col.criterion}.${col.indicator}` : ['name', 'parent', 'total', 'group'].includes(col.role) ? col.role : undefined;
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined) duplicates.push({ index, header, first });
      else seen.set(key, index);
    }
    columns.push(col);
  });
  promoteProvince(columns, headers, set.level);
  return { columns, headers: headers.map(cleanCell), unknown, duplicates };
}

/**
 * Since July 2025 communes belong to a province directly (no districts): a commune file with a
 * province column and no district column names the province as each commune's parent.
 */
function promoteProvince(columns: Column[], headers: string[], level: CriteriaSet['level']): void {
  if (level !== 'xa' || columns.some((c) => c.role === 'parent')) return;
  const at = headers.findIndex((h) => PROVINCE.has(foldKey(cleanCell(h))));
  if (at >= 0) columns[at] = { role: 'parent' };
}
