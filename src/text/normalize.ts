const COMBINING = /[\u0300-\u036f]/;

/**
 * Unicode NFC: the form every name is compared in (Excel on Windows writes NFC, macOS may write
 * NFD). Vietnamese text needs composing only where it carries combining marks; the test for them
 * is much cheaper than normalising every name of a large file.
 */
export const nfc = (s: string): string => (COMBINING.test(s) ? s.normalize('NFC') : s);

/**
 * A key for comparing headers, marks and codes the way people read them: NFC, no diacritics
 * (đ counts as d), lower case, punctuation folded to single spaces.
 */
export function foldKey(s: string): string {
  // Header rows are matched against every set's vocabulary: each cell is folded once.
  let k = folded.get(s);
  if (k === undefined) {
    k = fold(s);
    if (folded.size < 10_000) folded.set(s, k);
  }
  return k;
}

const folded = new Map<string, string>();

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0_\-–—:;,.()/\\'"“”‘’*]+/g, ' ')
    .trim();
}

const SPACE = /^[\s\u00a0\u200b\ufeff]+|[\s\u00a0\u200b\ufeff]+$/g;

/** Trim including non-breaking and zero-width spaces, which Excel exports keep. */
export function cleanCell(s: string): string {
  // Most cells have nothing to trim; skip the regular expression for them (it is per cell, per row).
  if (s === '' || (solid(s.charCodeAt(0)) && solid(s.charCodeAt(s.length - 1)))) return s;
  return s.replace(SPACE, '');
}

/** Not a character SPACE trims: \s (ASCII and Unicode spaces) and the zero-width space. */
const solid = (c: number) =>
  (c > 0x20 && c < 0xa0) ||
  (c > 0xa0 && c < 0x1680) ||
  (c > 0x1680 &&
    !(c >= 0x2000 && c <= 0x200b) &&
    c !== 0x2028 &&
    c !== 0x2029 &&
    c !== 0x202f &&
    c !== 0x205f &&
    c !== 0x3000 &&
    c !== 0xfeff);
