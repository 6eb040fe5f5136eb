import type { Indicator } from '../criteria/types.js';
import type { ProblemParams } from '../problems.js';
import { cleanCell, foldKey } from '../text/normalize.js';

/** A parsed survey cell: a value, a blank (no data), or why it could not be read. */
export type Parsed<T> =
  { ok: true; value: T } | { ok: true; value: null } | { ok: false; expected: string; want: ProblemParams };

const MET = new Set(['1', 'x', '✓', '✔', '☑', 'dat', 'co', 'yes', 'true', 'y'].map(foldKey));
const NOT_MET = new Set(['0', 'khong dat', 'chua dat', 'khong', 'no', 'false', 'n'].map(foldKey));
const MARK_SPELLINGS =
  '1, x, ✓, Đạt, có, yes, true (met) or 0, Không đạt, không, no, false, blank (not met), ? (no data)';

/** true met, false not met; undefined: no data ("?"). */
type Mark = boolean | undefined;

const MARK_MET: Parsed<Mark> = { ok: true, value: true };
const MARK_UNMET: Parsed<Mark> = { ok: true, value: false };
const MARK_BLANK: Parsed<Mark> = { ok: true, value: null };
/** "?" is the annex's "no data" (ntm's own reports write it): no mark, so values or nothing decide. */
const MARK_NO_DATA: Parsed<Mark> = { ok: true, value: undefined };
/** Marks come in a handful of spellings: remember each one read, so a large file folds each once. */
const markCache = new Map<string, Parsed<Mark>>([
  ['1', MARK_MET],
  ['', MARK_BLANK],
  ['x', MARK_MET],
  ['X', MARK_MET],
  ['0', MARK_UNMET],
  ['?', MARK_NO_DATA],
]);

/** A criterion mark as the annex writes it. Blank is `null`: the caller decides what blank means. */
export function parseMark(raw: string): Parsed<Mark> {
  let m = markCache.get(raw);
  if (m === undefined) {
    m = readMark(raw);
    if (markCache.size < 1000) markCache.set(raw, m);
  }
  return m;
}

function readMark(raw: string): Parsed<Mark> {
  const s = cleanCell(raw);
  if (s === '') return MARK_BLANK;
  if (s === '?') return MARK_NO_DATA;
  const k = foldKey(s);
  if (MET.has(k)) return { ok: true, value: true };
  if (NOT_MET.has(k)) return { ok: true, value: false };
  return { ok: false, expected: MARK_SPELLINGS, want: { want: 'mark' } };
}

export interface NumberOptions {
  /** The file writes decimals with a comma (Excel in a Vietnamese locale); then "54.000" is fifty-four thousand. */
  decimalComma: boolean;
  /** This percent column writes its percentages as fractions of 1 (Excel's percent cells: 0,298 for 29,8 %). */
  fractions?: boolean;
}

/**
 * A number as people type it: "80,5", "80.5", "1.234,5", "1,234.5", "54.000.000", "1 234".
 * Rules: with both separators the last one is the decimal mark; a separator that repeats groups
 * thousands; a lone separator before exactly three digits, after a whole part of 1–3 digits not
 * starting with 0, is the file's grouping mark ("54.000" in a decimal-comma file, "1,000" in a
 * decimal-point file); any other lone separator is a decimal mark ("80,5", "0,805", "80.5").
 */
export function parseNumber(raw: string, opts: NumberOptions): number | undefined {
  const simple = simpleNumber(raw, opts);
  if (simple !== undefined) return simple;
  // A space between digits groups thousands ("1 234"); "99 6" is two numbers, not 996.
  if (SPACES.test(raw) && !spacedGroupsOk(raw)) return undefined;
  let s = SPACES.test(raw) ? raw.replace(SPACES_ALL, '') : raw;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  const unsigned = s === raw ? undefined : simpleNumber(s, opts);
  if (unsigned !== undefined) return sign * unsigned;
  if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return undefined;
  const dots = count(s, '.');
  const commas = count(s, ',');
  let normal: string;
  if (dots && commas) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (count(s, decimal) > 1 || !groupsOk(s.slice(0, s.lastIndexOf(decimal)), group)) return undefined;
    normal = s.split(group).join('').replace(',', '.');
  } else if (dots + commas > 1) {
    const group = dots ? '.' : ',';
    if (!groupsOk(s, group)) return undefined;
    normal = s.split(group).join('');
  } else {
    normal = s.replace(',', '.');
  }
  const n = Number(normal);
  return Number.isFinite(n) ? sign * n : undefined;
}

/**
 * Digits with at most one separator ("12", "74,3", "54.000"), the common cells of a large file,
 * read without regular expressions and judged by the lone-separator rule above. Undefined for
 * anything else (signs, spaces, several separators, over 16 characters).
 */
function simpleNumber(s: string, opts: NumberOptions): number | undefined {
  const n = s.length;
  if (n === 0 || n > 16) return undefined;
  let sep = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c !== 44 && c !== 46) || sep >= 0 || i === 0 || i === n - 1) return undefined;
    sep = i;
  }
  if (sep < 0) return n <= 15 ? digitsValue(s, 0, n) : undefined;
  const fracLength = n - sep - 1;
  const digits = digitsValue(s, 0, sep) * 10 ** fracLength + digitsValue(s, sep + 1, n);
  const grouping =
    fracLength === 3 && sep <= 3 && s.charCodeAt(0) !== 48 && s.charCodeAt(sep) === (opts.decimalComma ? 46 : 44);
  // Both operands are exact integers (15 digits at most), and division rounds correctly: the
  // quotient is the double nearest the decimal, as Number("74.3") would give.
  return grouping ? digits : digits / 10 ** fracLength;
}

function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
const groupsOk = (s: string, group: string) => new RegExp(`^\\d{1,3}(\\${group}\\d{3})*$`).test(s);

const SPACES = /[\s\u00a0\u202f]/;
/** Every space that stands between digits is followed by exactly three digits and a non-digit. */
const spacedGroupsOk = (s: string) => !/\d[\s\u00a0\u202f]+(?!\d{3}(?!\d))\d/.test(s);
const SPACES_ALL = /[\s\u00a0\u202f]/g;

/** Scale words as folded by foldKey (tỷ → ty, triệu → trieu, đồng → dong), whatever the file's Unicode form. */
const SCALE_WORDS = new Map<string, number>([
  ...['ty', 'ti'].map((w) => [w, 1e9] as const),
  ...['trieu', 'tr'].map((w) => [w, 1e6] as const),
  ...['nghin', 'ngan', 'k'].map((w) => [w, 1e3] as const),
  ...['dong', 'd', 'vnd'].map((w) => [w, 1] as const),
]);
const firstWord = (folded: string) => folded.split(' ')[0] ?? '';

/** How many đồng one unit of the indicator is, for money units ("triệu đồng/người/năm" → 1e6). */
function moneyScale(unit: string | undefined): number | undefined {
  if (!unit) return undefined;
  let scale = moneyScales.get(unit);
  if (!moneyScales.has(unit)) moneyScales.set(unit, (scale = readMoneyScale(unit)));
  return scale;
}
/** Units are few and every money cell asks: each is read once. */
const moneyScales = new Map<string, number | undefined>();

function readMoneyScale(unit: string): number | undefined {
  const u = foldKey(unit);
  if (!/\b(dong|vnd)\b/.test(u)) return undefined;
  return SCALE_WORDS.get(firstWord(u)) ?? 1;
}

/** Yes/no answers are read like criterion marks; "chưa" and "không có" also mean no. */
const NO = new Set([...NOT_MET, ...['chua', 'khong co'].map(foldKey)]);

export type IndicatorValue = number | boolean | string;

/**
 * "Đạt" / "Không đạt" written in a value column: the official's own verdict on the indicator,
 * as reports often give it where the figure itself is not at hand.
 */
export class Assessed {
  constructor(readonly met: boolean) {}
}
const ASSESSED = new Map([
  ['dat', new Assessed(true)],
  ['khong dat', new Assessed(false)],
  ['chua dat', new Assessed(false)],
]);

/** Reads one cell as a value of the indicator's type; blank is `null` (no data, not "not met"). */
export function parseIndicatorValue(
  raw: string,
  ind: Pick<Indicator, 'type' | 'unit' | 'levels'>,
  opts: NumberOptions,
): Parsed<IndicatorValue | Assessed> {
  const s = cleanCell(raw);
  if (s === '') return { ok: true, value: null };
  // Words (Có, Đạt, a level) repeat down a column: fold each spelling once per indicator.
  // Figures vary, so they are not kept; they skip the folding that words need.
  if (!startsLikeNumber(s)) {
    let seen = wordCache.get(ind);
    if (!seen) wordCache.set(ind, (seen = new Map()));
    let parsed = seen.get(s);
    if (!parsed) {
      parsed = parseWords(s, ind, opts);
      if (seen.size < 1000) seen.set(s, parsed);
    }
    return parsed;
  }
  return parseTyped(s, ind, opts);
}

const wordCache = new WeakMap<object, Map<string, Parsed<IndicatorValue | Assessed>>>();
const startsLikeNumber = (s: string) => {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 0x2212;
};

function parseWords(
  s: string,
  ind: Pick<Indicator, 'type' | 'unit' | 'levels'>,
  opts: NumberOptions,
): Parsed<IndicatorValue | Assessed> {
  if (ind.type !== 'boolean' && ind.type !== 'pass') {
    const assessed = ASSESSED.get(foldKey(s));
    if (assessed) return { ok: true, value: assessed };
  }
  return parseTyped(s, ind, opts);
}

function parseTyped(
  s: string,
  ind: Pick<Indicator, 'type' | 'unit' | 'levels'>,
  opts: NumberOptions,
): Parsed<IndicatorValue | Assessed> {
  switch (ind.type) {
    case 'boolean':
    case 'pass': {
      const k = foldKey(s);
      if (MET.has(k)) return { ok: true, value: true };
      if ((ind.type === 'boolean' ? NO : NOT_MET).has(k)) return { ok: true, value: false };
      return {
        ok: false,
        expected: ind.type === 'boolean' ? 'Có or Không (yes / no)' : 'Đạt or Không đạt',
        want: { want: ind.type === 'boolean' ? 'yes-no' : 'pass' },
      };
    }
    case 'level': {
      const k = foldKey(s);
      const level = ind.levels?.find((l) => foldKey(l) === k);
      return level
        ? { ok: true, value: level }
        : {
            ok: false,
            expected: `one of ${ind.levels?.join(', ')}`,
            want: { want: 'level', levels: ind.levels?.join(', ') },
          };
    }
    case 'percent':
      return parsePercent(s, ind.unit, opts);
    case 'count': {
      const n = parseNumber(s, opts);
      return n !== undefined && Number.isInteger(n) && n >= 0
        ? { ok: true, value: n }
        : {
            ok: false,
            expected: 'a whole number, 0 or more',
            want: { want: 'count' },
          };
    }
    case 'number':
      return parseQuantity(s, ind.unit, opts);
  }
}

function parsePercent(s: string, unit: string | undefined, opts: NumberOptions): Parsed<number> {
  const sign = s.charCodeAt(s.length - 1) === 37; // "%"
  const n = parseNumber(sign ? s.slice(0, -1).trimEnd() : s, opts);
  if (n === undefined) return { ok: false, expected: 'a percentage such as 80,5% or 80.5', want: { want: 'percent' } };
  // A ratio column holds 0–1 ("0,805"); the set's unit says so, a "%" sign overrides it.
  if (!sign && (unit === 'ratio' || opts.fractions)) {
    if (n < 0 || n > 1)
      return {
        ok: false,
        expected: 'a ratio between 0 and 1 (the set gives this indicator as a ratio)',
        want: { want: 'ratio' },
      };
    return { ok: true, value: round(n * 100) };
  }
  // A share of households, villages or people: nothing below 0 % or above 100 %.
  if (n < 0 || n > 100)
    return {
      ok: false,
      expected: 'a percentage between 0 and 100',
      want: { want: 'percent-range', range: 'out' },
    };
  return { ok: true, value: n };
}

function parseQuantity(s: string, unit: string | undefined, opts: NumberOptions): Parsed<number> {
  const m = /^([-−+]?[\d\s.,\u00a0]*\d)\s*([^\d\s].*)?$/u.exec(s);
  if (!m) return { ok: false, expected: `a number${unit ? ` in ${unit}` : ''}`, want: { want: 'number', unit } };
  const n = parseNumber(m[1]!, opts);
  if (n === undefined)
    return { ok: false, expected: `a number${unit ? ` in ${unit}` : ''}`, want: { want: 'number', unit } };
  // Incomes, areas, lengths: no quantity of the sets is below zero.
  if (n < 0)
    return {
      ok: false,
      expected: `a number 0 or more${unit ? ` in ${unit}` : ''}`,
      want: { want: 'number', unit, sign: 'negative', range: 'out' },
    };
  const scale = moneyScale(unit);
  const word = foldKey(m[2] ?? '');
  if (!word) {
    // Money units in millions: "54.000.000" is plainly đồng, since nobody reports a million million.
    if (scale && scale >= 1e6 && Math.abs(n) >= 1e5) return { ok: true, value: round(n / scale) };
    return { ok: true, value: n };
  }
  const factor = SCALE_WORDS.get(firstWord(word));
  if (factor !== undefined && scale) return { ok: true, value: round((n * factor) / scale) };
  // A unit spelled out that is the indicator's own ("12 km" for km) is fine.
  if (unit && word === foldKey(unit)) return { ok: true, value: n };
  return {
    ok: false,
    expected: `a number${unit ? ` in ${unit}` : ''} (not "${m[2]}")`,
    want: { want: 'number', unit, not: m[2] },
  };
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;
