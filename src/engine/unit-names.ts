/**
 * How units of two surveys are matched: by name and parent after NFC, case and spacing, diacritics
 * kept (Văn Tùng is not Vân Tùng). Names one letter or one tone mark apart are only "likely the same".
 */
export function nameKey(s: string): string {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

export const unitKey = (name: string, parent: string): string => `${nameKey(name)}\u0000${nameKey(parent)}`;

/** The Vietnamese tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Two names (already keyed) are a near miss when they differ by one letter or one tone mark
 * (Thuận Mang / Thuần Mang, Vân / Văn), or only by where a tone mark sits (Hòa / Hoà).
 */
export function nearMiss(a: string, b: string): boolean {
  if (a === b) return false;
  if (withinOne(a, b)) return true;
  const da = a.normalize('NFD');
  const db = b.normalize('NFD');
  return withinOne(da, db) || tonePlaced(da) === tonePlaced(db);
}

/** Each syllable with its tone mark moved to its end: old and new tone placement read alike. */
function tonePlaced(nfd: string): string {
  return nfd
    .split(' ')
    .map((syllable) => syllable.replace(TONES, '') + (syllable.match(TONES) ?? []).join(''))
    .join(' ');
}

/** Edit distance at most 1 (one insertion, deletion or substitution), in linear time. */
function withinOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
