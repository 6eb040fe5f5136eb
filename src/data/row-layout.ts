import type { Level } from '../criteria/schema.js';
import { foldKey, nfc } from '../text/normalize.js';

/**
 * The rows of an annex that are not units. Annexes group their units under section rows
 * ("I", "II", "A", "Xã Vân Tùng", with no marks) and close with total rows ("Cộng", "Tổng cộng",
 * "Toàn huyện"). A village may well be called "Cộng Hòa", so a total row's label must be the
 * whole word(s), not merely begin with it.
 */
const TOTALS = new Set(['cong', 'tong', 'tong cong', 'tong so', 'total', 'sum', 'toan huyen', 'toan xa', 'toan tinh']);
const TOTAL_STARTS = ['tong cong ', 'tong so ', 'toan huyen ', 'toan xa ', 'toan tinh ', 'cong toan ', 'cong xa '];

/** The first words of total labels, lower case, with and without diacritics. */
const FIRST_WORDS = new Set(['cộng', 'tổng', 'toàn', 'cong', 'tong', 'toan', 'total', 'sum']);

/** Whether a label cell names a total row. */
export function isTotalLabel(cell: string): boolean {
  const c = cell.charCodeAt(0) | 0x20;
  // Every row's name is asked: most begin with neither "c" nor "t", and of the rest ("Thôn 5")
  // only those whose first word is a total's are folded.
  if (c !== 0x63 && c !== 0x74) return false;
  const space = cell.search(/[\s:.,]/);
  if (!FIRST_WORDS.has(nfc(space < 0 ? cell : cell.slice(0, space)).toLowerCase())) return false;
  const k = foldKey(cell);
  return TOTALS.has(k) || TOTAL_STARTS.some((s) => k.startsWith(s));
}

/** A section subtotal ("Cộng" inside a section) rather than the whole file's. */
export const isSectionTotal = (cell: string) => foldKey(cell) === 'cong' || foldKey(cell).startsWith('cong xa ');

/** Administrative words, folded, by the level of the unit they name. */
const WORDS: Record<Level, string[]> = {
  thon: [],
  xa: ['xa', 'phuong', 'thi tran'],
  huyen: ['huyen', 'quan', 'thi xa', 'thanh pho'],
};
const PROVINCE = ['tinh', 'thanh pho'];
const PARENT: Record<Level, Level | 'tinh'> = { thon: 'xa', xa: 'huyen', huyen: 'tinh' };

const wordsOf = (level: Level | 'tinh') => (level === 'tinh' ? PROVINCE : WORDS[level]);

/** The word that opens a name ("Xã Vân Tùng" → xa), with the name without it. */
function leadingWord(text: string, words: string[]): string | undefined {
  const k = foldKey(text);
  const word = words.find((w) => k === w || k.startsWith(`${w} `));
  if (!word) return undefined;
  // Skip as many words of the original text as the folded word has.
  const parts = text.trim().split(/\s+/);
  return parts.slice(word.split(' ').length).join(' ');
}

/** "I", "IV", "A", "b)", "(II)", "I." — a section's number. */
const SECTION_NUMBER = /^\(?(?:[IVXL]{1,6}|[A-Za-zĐđ])[.)]?\)?(?=\s|$)/u;

/** Whether a number cell is a section's ("II", "B") rather than a unit's ("12"). */
export const isSectionNumber = (seq: string) => SECTION_NUMBER.test(seq);

export interface Section {
  /** The parent (commune of villages, district of communes) the section names; '' when it names none. */
  parent: string;
  /** True when the section is of a level above the parent (a district heading villages). */
  above: boolean;
  /** True when the name says the level ("Xã …", "Huyện …"), or the number is a capital Roman numeral. */
  sure: boolean;
}

const ROMAN = /^\(?[IVXL]{1,6}[.)]?\)?$/;

/**
 * A section row, given its label cells (sequence number and name) and the level of the units: a
 * row with no marks or values whose number is a Roman numeral or a letter, or whose name is that
 * of a higher unit ("Xã …" above villages, "Huyện …" above communes).
 */
export function sectionOf(seq: string, name: string, level: Level): Section | undefined {
  let text = name;
  let numbered = false;
  const number = SECTION_NUMBER.exec(seq) ?? (seq ? null : SECTION_NUMBER.exec(name));
  if (number) {
    numbered = true;
    const rest = (seq ? seq : name).slice(number[0].length).trim();
    if (!text || !seq) text = rest;
  }
  const parentLevel = PARENT[level];
  const asParent = leadingWord(text, wordsOf(parentLevel));
  if (asParent !== undefined) return { parent: asParent, above: false, sure: true };
  const higher = parentLevel === 'tinh' ? undefined : leadingWord(text, wordsOf(PARENT[parentLevel]));
  if (higher !== undefined) return { parent: '', above: true, sure: true };
  if (!numbered) return undefined;
  return { parent: text, above: false, sure: ROMAN.test(seq) };
}
