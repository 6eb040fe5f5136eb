import { cleanCell } from '../text/normalize.js';

/** How many units meet each criterion (by their marks), and the sum of their totals. */
export class Tally {
  units = 0;
  /** Per criterion, the units marked met. */
  readonly met: number[];
  /** The criteria met, summed over the units: what a total row's total column adds up to. */
  metSum = 0;

  constructor(criteria: number) {
    this.met = new Array<number>(criteria).fill(0);
  }

  add(marks: (boolean | null | undefined)[], metMarks: number): void {
    this.units++;
    this.metSum += metMarks;
    for (let c = 0; c < marks.length; c++) if (marks[c] === true) this.met[c]!++;
  }
}

/** One figure of a total row that disagrees with the rows above it. */
export interface TotalMismatch {
  /** The column, 0-based. */
  col: number;
  says: number;
  counted: number;
}

/**
 * Compares a total row with the units it closes: per mark column, the number of units marked
 * met; in the total column, the criteria met summed over the units. Cells that are not whole
 * numbers (a percentage, a note) are not figures to check and are passed over.
 */
export function checkTotalRow(
  raw: string[],
  markCols: (number | undefined)[],
  totalCol: number,
  tally: Tally,
): TotalMismatch[] {
  const out: TotalMismatch[] = [];
  const figure = (col: number) => {
    const s = cleanCell(raw[col] ?? '');
    return /^\d{1,9}$/.test(s) ? Number(s) : undefined;
  };
  markCols.forEach((col, c) => {
    if (col === undefined) return;
    const says = figure(col);
    if (says !== undefined && says !== tally.met[c]) out.push({ col, says, counted: tally.met[c]! });
  });
  const total = totalCol >= 0 ? figure(totalCol) : undefined;
  if (total !== undefined && total !== tally.metSum) out.push({ col: totalCol, says: total, counted: tally.metSum });
  return out;
}
