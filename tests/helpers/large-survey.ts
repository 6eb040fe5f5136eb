import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, THON_HEADER } from './cli.js';

/** Whether village `i` (from 1) misses criterion `k` (from 1): a fixed pattern, so the counts are known. */
export const misses = (i: number, k: number): boolean => (i * 3 + k) % 7 === 0;

/**
 * A village survey of `count` rows for bac-kan-thon-2019, written to a temporary folder: "Thôn i" in
 * "Xã i mod 300", 1 for met and blank where `misses` says. Returns the file and the gaps it holds.
 */
export function largeSurvey(count: number): { file: string; gaps: number; meeting: number } {
  const rows = [THON_HEADER];
  let gaps = 0;
  let meeting = 0;
  for (let i = 1; i <= count; i++) {
    const marks = Array.from({ length: 16 }, (_, k) => (misses(i, k + 1) ? '' : '1'));
    const missed = marks.filter((m) => !m).length;
    gaps += missed;
    if (!missed) meeting++;
    rows.push(`Thôn ${i},Xã ${i % 300},${marks.join(',')}`);
  }
  const file = join(tempDir(), 'thon-lon.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return { file, gaps, meeting };
}
