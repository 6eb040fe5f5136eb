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
  /**
   * A column that names a criterion whose one indicator is a figure (income "10", "TC10"): its
   * cells decide whether it holds marks or values. `lean` is 'mark' when the header names the
   * criterion (a prefix "TC" / "Tiêu chí", or its name), so that 1 and 0 are marks.
   */
  | { role: 'either'; criterion: number; indicator: number; lean?: 'mark' }
  | { role: 'unknown' }
  | { role: 'empty' };

const words = (...ws: string[]) => new Set(ws.map(foldKey));
const SEQ = words('TT', 'STT', 'Số TT', 'Số thứ tự', 'No', 'No.', '#');
const VILLAGE = words(
  'Tên thôn',
  'Thôn',
  'Thôn, bản',
  'Thôn/bản',
  'Tên thôn, bản',
  'Tên thôn/bản',
  'Bản',
  'Tên bản',
  'Thôn/tổ dân phố',
  'Village',
  'Village name',
);
const COMMUNE = words(
  'Tên xã',
  'Xã',
  'Xã/phường/thị trấn',
  'Xã, phường, thị trấn',
  'Tên xã/phường',
  'Commune',
  'Commune name',
);
const DISTRICT = words('Tên huyện', 'Huyện', 'Huyện/thành phố', 'Huyện, thị xã, thành phố', 'District');
const PROVINCE = words('Tỉnh', 'Tên tỉnh', 'Tỉnh/thành phố', 'Tỉnh, thành phố', 'Tên tỉnh/thành phố', 'Province');
/** The commune group of 51/2025/QĐ-TTg, per row: thresholds are picked by it. */
const GROUP = words('Nhóm xã', 'Nhóm', 'Xã nhóm', 'Commune group', 'Group');
const GENERIC_NAME = words('Tên đơn vị', 'Đơn vị', 'Unit', 'Name', 'Tên');
const TOTAL = words(
  'Tổng số tiêu chí đạt',
  'Tổng số TC đạt',
  'Tổng số tiêu chí',
  'Số tiêu chí đạt',
  'Tổng tiêu chí đạt',
  'Tổng',
  'Total',
  'Criteria met',
);

type Target = { criterion: number; indicator?: number };

export interface Vocabulary {
  names: Map<string, Target>;
  criterionIds: Map<string, number>;
  indicatorIds: Map<string, Target>;
  /** Per criterion: the index of its one indicator when that is a figure, whose column marks could be taken for. */
  single: (number | undefined)[];
  /** Per criterion: how many indicators it has. */
  counts: number[];
}

/** Every way a header can name a criterion or an indicator of this set, folded. */
export function vocabulary(set: CriteriaSet): Vocabulary {
  const names = new Map<string, Target>();
  const criterionIds = new Map<string, number>();
  const indicatorIds = new Map<string, Target>();
  const single: (number | undefined)[] = [];
  const counts: number[] = [];
  set.criteria.forEach((c: Criterion, ci) => {
    criterionIds.set(c.id, ci);
    if (c.indicators.length === 1 && FIGURES.has(c.indicators[0]!.type)) single[ci] = 0;
    counts[ci] = c.indicators.length;
    for (const n of [c.name, c.nameEn, ...c.aliases]) if (n) names.set(foldKey(n), { criterion: ci });
    c.indicators.forEach((ind: Indicator, ii) => {
      indicatorIds.set(ind.id, { criterion: ci, indicator: ii });
      for (const n of [ind.name, ind.nameEn, ...ind.aliases]) {
        // A criterion's own name wins over an indicator that repeats it.
        if (n && !names.has(foldKey(n))) names.set(foldKey(n), { criterion: ci, indicator: ii });
      }
    });
  });
  return { names, criterionIds, indicatorIds, single, counts };
}

/** "TC 01", "Tiêu chí số 1", "Chỉ tiêu 17.1", "17.1 Tỷ lệ …": the prefix says criterion or indicator. */
const CRITERION_WORD = String.raw`(?:tiêu\s*chí|tieu\s*chi|tc)\s*(?:số|so)?`;
const INDICATOR_WORD = String.raw`(?:chỉ\s*tiêu|chi\s*tieu|ct)\s*(?:số|so)?`;
const ID_PREFIX = new RegExp(
  String.raw`^\s*(?:(${CRITERION_WORD})|(${INDICATOR_WORD}))?\s*(\d+(?:\.\d+)*)\s*[.:)\-–—]?\s*(.*)$`,
  'isu',
);

/** "01" is 1 and "17.01" is 17.1: sheets pad numbers to sort them. */
const unpad = (id: string) =>
  id
    .split('.')
    .map((n) => n.replace(/^0+(?=\d)/, ''))
    .join('.');

/** Indicator types whose values a mark (1, 0) could be mistaken for. */
const FIGURES = new Set(['percent', 'number', 'count', 'level']);

type Match = { target: Target; byName: boolean; either?: { lean?: 'mark' } };

/** A criterion column: one that may also hold the values of the criterion's one figure indicator. */
function criterionColumn(criterion: number, vocab: Vocabulary, byName: boolean, lean: boolean): Match {
  const only = vocab.single[criterion];
  if (only === undefined) return { target: { criterion }, byName };
  return { target: { criterion, indicator: only }, byName, either: lean ? { lean: 'mark' } : {} };
}

/** Matches one header to a criterion (a mark column) or an indicator (a value column). */
function matchTarget(header: string, vocab: Vocabulary): Match | undefined {
  const folded = foldKey(header);
  if (!folded) return undefined;
  const byName = vocab.names.get(folded);
  if (byName)
    return byName.indicator === undefined
      ? criterionColumn(byName.criterion, vocab, true, true)
      : {
          target: byName,
          byName: true,
        };
  const m = ID_PREFIX.exec(nfc(header));
  if (!m) return undefined;
  const [, criterionWord, indicatorWord, padded, rest] = m;
  const id = unpad(padded!);
  const restTarget = rest ? vocab.names.get(foldKey(rest)) : undefined;
  const crit = vocab.criterionIds.get(id);
  const ind = vocab.indicatorIds.get(id) ?? soleIndicator(id, vocab);
  // A name after the number that is the indicator's own names the value column, whatever the prefix.
  const namesIndicator =
    restTarget?.indicator !== undefined && (restTarget.criterion === crit || restTarget.criterion === ind?.criterion);
  if (namesIndicator) return { target: restTarget!, byName: true };
  if (criterionWord && crit !== undefined) return criterionColumn(crit, vocab, restTarget?.criterion === crit, true);
  if (ind && !indicatorWord && crit === ind.criterion && vocab.single[crit] !== undefined) {
    // A bare "10" or "10 Thu nhập" names criterion 10 and its indicator 10 alike: the cells decide.
    return criterionColumn(crit, vocab, restTarget?.criterion === crit, restTarget !== undefined);
  }
  if (ind) return { target: ind, byName: restTarget !== undefined && restTarget.criterion === ind.criterion };
  if (restTarget) return { target: restTarget, byName: true };
  // "3" alone is criterion 3; "3 Something unknown" is taken as criterion 3 only when it has no dot-id.
  if (crit !== undefined && !indicatorWord) return criterionColumn(crit, vocab, false, true);
  return undefined;
}

/** "10.1" for a criterion whose one indicator the set numbers "10": sheets number it so. */
function soleIndicator(id: string, vocab: Vocabulary): Target | undefined {
  if (!id.endsWith('.1')) return undefined;
  const criterion = vocab.criterionIds.get(id.slice(0, -2));
  if (criterion === undefined || vocab.counts[criterion] !== 1) return undefined;
  return { criterion, indicator: 0 };
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
  // A target counts once: a data row of "1"s names criterion 1 nineteen times, not nineteen criteria.
  const seen = new Set<string>();
  for (const cell of cells) {
    const f = foldKey(cell);
    if (!f) continue;
    const unitColumn =
      SEQ.has(f) ||
      VILLAGE.has(f) ||
      COMMUNE.has(f) ||
      DISTRICT.has(f) ||
      PROVINCE.has(f) ||
      TOTAL.has(f) ||
      GENERIC_NAME.has(f) ||
      GROUP.has(f);
    if (unitColumn) score += 1;
    const m = matchTarget(cell, vocab);
    if (m) {
      const key = `${m.target.criterion}.${m.target.indicator ?? ''}`;
      if (!seen.has(key)) score += m.byName ? 2 : 1;
      seen.add(key);
    } else if (!unitColumn) unplaced++;
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
  headers.forEach((raw, index) => {
    const header = cleanCell(raw);
    const folded = foldKey(header);
    let col: Column;
    if (!folded) col = { role: 'empty' };
    else {
      const role = unitRole(folded, set.level);
      const m = role ? undefined : matchTarget(header, vocab);
      if (role && role !== 'unknown') col = { role } as Column;
      else if (m?.either)
        col = {
          role: 'either',
          criterion: m.target.criterion,
          indicator: m.target.indicator!,
          ...m.either,
        };
      else if (m && m.target.indicator !== undefined)
        col = { role: 'value', criterion: m.target.criterion, indicator: m.target.indicator };
      else if (m) col = { role: 'mark', criterion: m.target.criterion };
      else col = { role: 'unknown' };
    }
    if (col.role === 'unknown') unknown.push({ index, header });
    columns.push(col);
  });
  pairEitherColumns(columns);
  const seen = new Map<string, number>();
  columns.forEach((col, index) => {
    let key: string | undefined;
    if (col.role === 'mark' || col.role === 'either') key = `m${col.criterion}`;
    else if (col.role === 'value') key = `v${col.criterion}.${col.indicator}`;
    else if (['name', 'parent', 'total', 'group'].includes(col.role)) key = col.role;
    if (key === undefined) return;
    const first = seen.get(key);
    if (first !== undefined) duplicates.push({ index, header: cleanCell(headers[index]!), first });
    else seen.set(key, index);
  });
  promoteProvince(columns, headers, set.level);
  return { columns, headers: headers.map(cleanCell), unknown, duplicates };
}

/**
 * A criterion column beside another column of the same criterion is the other half of the
 * pair: next to the values of income it holds the marks ("TC10" and "10.1 Thu nhập"), next to the
 * marks it holds the values; of two, the one headed by the criterion holds the marks.
 */
function pairEitherColumns(columns: Column[]): void {
  columns.forEach((col, i) => {
    if (col.role !== 'either') return;
    const others = columns.filter((o, j) => j !== i && 'criterion' in o && o.criterion === col.criterion);
    if (others.length !== 1) return;
    const other = others[0]!;
    const asMark = other.role === 'value' || (other.role === 'either' && col.lean === 'mark' && other.lean !== 'mark');
    const asValue = other.role === 'mark' || (other.role === 'either' && other.lean === 'mark' && col.lean !== 'mark');
    if (asMark) columns[i] = { role: 'mark', criterion: col.criterion };
    else if (asValue) columns[i] = { role: 'value', criterion: col.criterion, indicator: col.indicator };
  });
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
