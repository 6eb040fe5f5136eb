import type { CriteriaSet } from './types.js';
import { fail } from '../problems.js';

/** The first and last year of a set's `period` ("2017-2020", "2021–2025"), when it gives one. */
export function periodYears(set: Pick<CriteriaSet, 'period'>): { from: number; to: number } | undefined {
  const m = /^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$/.exec(set.period ?? '');
  return m ? { from: Number(m[1]), to: Number(m[2]) } : undefined;
}

/**
 * A --year outside the set's period is refused: the set's thresholds were not made for it (the
 * income of 2020 is not the income of 1990), so any verdict would be a guess.
 */
export function checkYearInPeriod(set: CriteriaSet, year: number | undefined): void {
  const period = periodYears(set);
  if (year === undefined || !period || (year >= period.from && year <= period.to)) return;
  fail('year-out-of-period', { year, set: set.id, from: period.from, to: period.to });
}
