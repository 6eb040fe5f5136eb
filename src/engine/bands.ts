/** A band of the official summary: the units that meet from `from` to `to` criteria (inclusive). */
export interface Band {
  from: number;
  to: number;
  units: number;
}

/**
 * The bands offices report communes in, following the set's size. For 19 criteria the circulars'
 * bands are 19 | 15–18 | 10–14 | 5–9 | under 5; their lower bounds are ⌈3n/4⌉, ⌈n/2⌉ and ⌈n/4⌉
 * of n = 19, and that rule gives every other size its bands (16: 16 | 12–15 | 8–11 | 4–7 | 0–3).
 * Bands that would be empty for a very small set (n < 4) are merged away.
 */
export function bandBounds(n: number): { from: number; to: number }[] {
  const lows = [n, Math.ceil((3 * n) / 4), Math.ceil(n / 2), Math.ceil(n / 4), 0];
  const bands: { from: number; to: number }[] = [];
  let top = n;
  for (const low of lows) {
    if (low > top || (bands.length && low === bands[bands.length - 1]!.from)) continue;
    bands.push({ from: low, to: top });
    top = low - 1;
  }
  return bands;
}

/** Counts of units per band, from a histogram of criteria met (index = criteria met). */
export function bandsOf(histogram: number[], n: number): Band[] {
  return bandBounds(n).map(({ from, to }) => {
    let units = 0;
    for (let k = from; k <= to; k++) units += histogram[k] ?? 0;
    return { from, to, units };
  });
}
