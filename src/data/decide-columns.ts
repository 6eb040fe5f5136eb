import type { Indicator } from '../criteria/types.js';
import { cleanCell, foldKey } from '../text/normalize.js';
import { parseIndicatorValue, parseMark, parseNumber, type NumberOptions } from './parse-value.js';

/**
 * Columns whose meaning only their cells can tell:
 * - `either`: a column that names a criterion whose one indicator is a figure ("TC10", "10"):
 *   criterion marks (1, x) or values of the indicator (38,2 triệu)? Even its blanks differ (not
 *   met, or no data), so rows wait until a cell decides: a mark, or a value. Under the criterion's
 *   name ("TC10", "Thu nhập") 1 and 0 are marks; under a bare "10" they could be either.
 * - `percent`: percentages (29,8 or 29,8 %) or fractions of 1, as Excel's percent cells export
 *   (0,298)? The rule is per column: all values within [0, 1] are fractions, any value above 1
 *   makes them percentages (0,8 among 5,2 is 0,8 %), and a value with "%" beside a bare fraction
 *   is a column that mixes both: an error.
 *
 * The reader streams, so rows wait while a column is undecided: at most MAX_HELD rows, which
 * bounds memory; a file that fits (nearly every office sheet) is decided on all its values. Past
 * that the column is settled on what was seen (fractions, if only fractions were), and a later
 * cell that contradicts the settled reading is the "mixed" error, naming both cells. A column
 * still undecided at the end that holds cells that cannot be told (1 and 0 under a bare "10"; a
 * bare 1 among percentages: 1 % or 100 %?) stops the reading with an error saying how to write it.
 * Blanks, Đạt / Không đạt and 0 mean the same either way and decide nothing.
 */
export type Reading = 'mark' | 'value' | 'percent' | 'fraction';

type Evidence = { reading: Reading; line: number; text: string };

export interface DecidingColumn {
  col: number;
  ind: Pick<Indicator, 'type' | 'unit' | 'levels'>;
  /** Marks or values; undefined when the column is known to hold values. */
  either?: { lean?: 'mark'; decided?: Evidence; unsure?: Evidence };
  /** Percentages or fractions; undefined when the indicator is not a percentage or the user said --percent-as-is. */
  percent?: { decided?: Evidence; sign?: Evidence; fraction?: Evidence; unsure?: Evidence; noted?: boolean };
  /** Set once the column mixed two readings: its error is given, its cells are no longer read. */
  failed?: boolean;
}

/** The most rows held back while a column is undecided. */
export const MAX_HELD = 2000;

export interface Mixed {
  col: number;
  first: Evidence;
  second: Evidence;
}

/** What one cell says about its column, if anything. */
function eitherEvidence(
  s: string,
  ind: DecidingColumn['ind'],
  lean: boolean,
  opts: NumberOptions,
): Reading | 'unsure' | undefined {
  const mark = parseMark(s);
  if (mark.ok) {
    const k = foldKey(s);
    // Đạt / Không đạt are the official's verdict either way; 1 and 0 are marks only under a criterion's name.
    if (k === 'dat' || k === 'khong dat' || k === 'chua dat') return undefined;
    if (k === '1' || k === '0') return lean ? 'mark' : 'unsure';
    return 'mark';
  }
  return parseIndicatorValue(s, ind, opts).ok ? 'value' : undefined;
}

function percentEvidence(s: string, opts: NumberOptions): 'sign' | 'over' | 'fraction' | 'unsure' | undefined {
  if (s.endsWith('%')) return 'sign';
  const n = parseNumber(s, opts);
  if (n === undefined || n <= 0) return undefined;
  if (n === 1) return 'unsure';
  return n < 1 ? 'fraction' : 'over';
}

/** Notes what the cells of a unit row say about the deciding columns; returns the columns the row mixed. */
export function observe(columns: DecidingColumn[], raw: string[], line: number, opts: NumberOptions): Mixed[] {
  const mixed: Mixed[] = [];
  for (const d of columns) {
    if (d.failed) continue;
    const s = cleanCell(raw[d.col] ?? '');
    if (s === '') continue;
    const either = d.either;
    if (either && either.decided?.reading !== 'value') {
      const e = eitherEvidence(s, d.ind, either.lean === 'mark', opts);
      if (either.decided) {
        if (e === 'value') mixed.push(fail(d, either.decided, { reading: 'value', line, text: s }));
        continue;
      }
      if (e === 'unsure') either.unsure ??= { reading: 'mark', line, text: s };
      if (e === 'mark' || e === 'value') either.decided = { reading: e, line, text: s };
      if (e !== 'value') continue;
    }
    if (!d.percent) continue;
    const p = d.percent;
    const e = percentEvidence(s, opts);
    const at = (reading: Reading) => ({ reading, line, text: s });
    if (e === 'unsure') p.unsure ??= at('percent');
    else if (e === 'fraction') {
      if (p.sign) mixed.push(fail(d, p.sign, at('fraction')));
      else if (!p.decided) p.fraction ??= at('fraction');
    } else if (e === 'sign' || e === 'over') {
      if (e === 'sign' && p.fraction) mixed.push(fail(d, p.fraction, at('percent')));
      else if (p.decided?.reading === 'fraction') mixed.push(fail(d, p.decided, at('percent')));
      else {
        if (e === 'sign') p.sign ??= at('percent');
        p.decided ??= at('percent');
      }
    }
  }
  return mixed;
}

function fail(d: DecidingColumn, first: Evidence, second: Evidence): Mixed {
  d.failed = true;
  return { col: d.col, first, second };
}

/**
 * The columns whose decision rows must wait for: an undecided marks-or-values column (even its
 * blanks differ: not met, or no data), and a percent column that has met only fractions or a bare 1.
 */
export function pending(columns: DecidingColumn[]): DecidingColumn[] {
  return columns.filter((d) => {
    if (d.failed) return false;
    if (d.either && !d.either.decided) return true;
    return d.percent !== undefined && !d.percent.decided && (d.percent.unsure ?? d.percent.fraction) !== undefined;
  });
}

/**
 * Decides the columns still open (at the end of the file, or when too many rows wait): a column
 * headed by its criterion holds marks; one with only verdicts and blanks holds values; 0 and 1
 * under a bare number, or a bare 1 among percentages, cannot be told: those columns are returned.
 */
export function settle(columns: DecidingColumn[], line: number): DecidingColumn[] {
  const unsure: DecidingColumn[] = [];
  for (const d of pending(columns)) {
    if (d.either && !d.either.decided) {
      if (d.either.unsure) unsure.push(d);
      else d.either.decided = { reading: d.either.lean === 'mark' ? 'mark' : 'value', line, text: '' };
    }
    const p = d.percent;
    if (p && !p.decided && p.fraction) p.decided = p.fraction;
    else if (p && !p.decided && p.unsure) unsure.push(d);
  }
  for (const d of unsure) d.failed = true;
  return [...new Set(unsure)];
}

/** How the reader reads a deciding column's cells once decided. */
export function readingOf(d: DecidingColumn): { mark: boolean; fractions: boolean } {
  return { mark: d.either?.decided?.reading === 'mark', fractions: d.percent?.decided?.reading === 'fraction' };
}

/** The message parts of a column that could not be decided (`header` is the column's header). */
export function unsureCell(d: DecidingColumn): { which: 'either' | 'percent' } & Evidence {
  if (d.either?.unsure && !d.either.decided) return { which: 'either', ...d.either.unsure };
  return { which: 'percent', ...d.percent!.unsure! };
}
