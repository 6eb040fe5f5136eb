import type { ThresholdValue } from '../criteria/threshold.js';
import type { Indicator } from '../criteria/types.js';
import { t, type Lang } from '../i18n/messages.js';

/**
 * Numbers as each language writes them: 1.234,5 in Vietnamese, 1,234.5 in English; at most 2
 * decimals. Written out rather than with Intl.NumberFormat, whose first use costs ~20 ms of
 * start-up for a summary line.
 */
export function formatNumber(n: number, lang: Lang): string {
  const [whole, frac] = round2(Math.abs(n));
  const [group, decimal] = lang === 'vi' ? ['.', ','] : [',', '.'];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${n < 0 && (whole !== '0' || frac) ? '-' : ''}${grouped}${frac ? decimal + frac : ''}`;
}

/**
 * A non-negative number to at most 2 decimals, as [whole, decimals without trailing zeros]. Rounded
 * half up on its shortest decimal text, as Intl does: 67.975 is stored as 67.97499…, so rounding the
 * binary value (Math.round(n * 100)) would give 67.97 where a person, and Intl, write 67.98.
 */
function round2(a: number): [string, string] {
  const s = String(a);
  if (s.includes('e')) {
    // Below 1e-6 or from 1e21 on: either rounds to 0 or has no decimals.
    const [m = '', e = ''] = s.split('e');
    return Number(e) < 0 ? ['0', ''] : [m.replace('.', '').padEnd(Number(e) + 1, '0'), ''];
  }
  const [whole = '0', dec = ''] = s.split('.');
  if (dec.length <= 2) return [whole, dec.replace(/0+$/, '')];
  // BigInt, since the whole part and the cents can pass 2^53.
  const cents = (BigInt(whole + dec.slice(0, 2)) + (dec[2]! >= '5' ? 1n : 0n)).toString().padStart(3, '0');
  return [cents.slice(0, -2), cents.slice(-2).replace(/0+$/, '')];
}

const symbol: Record<string, string> = { '>=': '≥', '<=': '≤' };

function unitSuffix(ind: Pick<Indicator, 'type' | 'unit'>): string {
  if (ind.type === 'percent') return ' %';
  if (ind.unit && ind.type !== 'level') return ` ${ind.unit}`;
  return '';
}

/** A value in the indicator's unit, as a person reads it ("80,5 %", "Có", "Khá"). */
export function formatValue(
  ind: Pick<Indicator, 'type' | 'unit'>,
  v: ThresholdValue | null | undefined,
  lang: Lang,
): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return ind.type === 'pass' ? t(lang, v ? 'met' : 'notMet') : t(lang, v ? 'yes' : 'no');
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `${formatNumber(v[0], lang)}–${formatNumber(v[1], lang)}${unitSuffix(ind)}`;
  return `${formatNumber(v, lang)}${unitSuffix(ind)}`;
}

/**
 * What a threshold requires: "≥ 90 %", "≤ 6 %", "Có", "từ 10–20 km". An equality is the value
 * alone: "= Đạt" would read as a formula to a spreadsheet.
 */
export function formatRequirement(
  ind: Pick<Indicator, 'type' | 'unit' | 'comparison'>,
  v: ThresholdValue,
  lang: Lang,
): string {
  if (ind.comparison === 'between') return `${t(lang, 'between')} ${formatValue(ind, v, lang)}`;
  if (ind.comparison === '==') return formatValue(ind, v, lang);
  return `${symbol[ind.comparison]} ${formatValue(ind, v, lang)}`;
}

/** The distance to the threshold, in the indicator's unit: "2,2 điểm %", "3 triệu đồng/người/năm". */
export function formatShortfall(
  ind: Pick<Indicator, 'type' | 'unit' | 'comparison'>,
  shortfall: number | null,
  lang: Lang,
): string {
  if (shortfall === null) return '';
  const n = formatNumber(shortfall, lang);
  if (ind.type === 'percent') return `${n} ${t(lang, 'points')}`;
  if (ind.type === 'level') return `${n} ${t(lang, 'levelsShort')}`;
  return `${n}${ind.unit ? ` ${ind.unit}` : ''}`;
}
