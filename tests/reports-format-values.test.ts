import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/i18n/messages.js';
import { formatNumber } from '../src/reports/format-values.js';

// formatNumber stands in for Intl (which costs start-up time): at most 2 decimals, and no "-0".
const INTL: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2, signDisplay: 'negative' }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'negative' }),
};
const LANGS: Lang[] = ['vi', 'en'];

describe('formatNumber writes numbers as Intl.NumberFormat does', () => {
  // Halves stored just below the half (67.975 is 67.97499… in binary), negative halves, tiny and huge numbers.
  it.each([
    67.975, 2.425, -18.755, 1.005, 0.125, -0.005, -0.001, -0, 0, 10.38, 1234, -1234.5, 1234567.891, 99.995, 1e-7, 1e21,
    1.5e300,
  ])('%d', (n) => {
    for (const lang of LANGS) expect(formatNumber(n, lang)).toBe(INTL[lang].format(n));
  });

  it('for the halves that decimal data gives (thousandths)', () => {
    const thousandths = fc.integer({ min: -1e12, max: 1e12 }).map((k) => k / 1000);
    fc.assert(
      fc.property(thousandths, fc.constantFrom(...LANGS), (n, lang) => formatNumber(n, lang) === INTL[lang].format(n)),
      { numRuns: 5000 },
    );
  });

  it('for any finite number', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(...LANGS),
        (n, lang) => formatNumber(n, lang) === INTL[lang].format(n),
      ),
      { numRuns: 5000 },
    );
  });
});
