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
  if (s === '' || (s.charCodeAt(0) > 0x20 && s.charCodeAt(s.length - 1) > 0x20 && !/[\u00a0\u200b\ufeff]/.test(s[0]! + s[s.length - 1]!))) return s;
  return s.replace(SPACE, '');
}
