import { describe, expect, it } from 'vitest';
import { parseNumber } from '../src/data/parse-value.js';
import { numberText } from '../src/data/xlsx-records.js';

describe('workbook numbers as the value parser reads them (decimal point)', () => {
  it.each([
    [0.298, '0.0%', '29.8%'],
    [0.5, '0%;[Red]-0%', '50%'],
    [0.5, '0.0"%"', '0.5'],
    [0.5, '0.0\\%', '0.5'],
    [0.5, '[$%-409]0.0', '0.5'],
    [29.799999999999997, 'General', '29.8'],
    [1234567.5, '#,##0.00', '1234567.5'],
    [54000000, undefined, '54000000'],
    [1e-7, undefined, '0.0000001'],
    [-2.5, undefined, '-2.5'],
  ])('%s formatted %s is "%s"', (n, fmt, text) => {
    expect(numberText(n, fmt)).toBe(text);
  });

  it('reads every rendered number back to the value at 15 digits', () => {
    for (const n of [0.805, 1.234, 999.999, 74.3, 1e21, 123456789.123, 0.1 + 0.2]) {
      expect(parseNumber(numberText(n), { decimalComma: false })).toBe(Number(n.toPrecision(15)));
    }
  });
});
