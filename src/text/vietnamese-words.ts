/**
 * Whether decoded text reads as Vietnamese: a file read with the wrong legacy table (TCVN3 as
 * Windows-1258, or the reverse, or UTF-8 as either) gives words no Vietnamese writer can type —
 * symbols inside words ("Tªn th«n"), a tone mark left on a consonant ("K̀m"), two tones in one
 * syllable ("Ỗờỡn"), or a tone on the wrong vowel of a pair ("xaị", "Keèm"). Correct text has none
 * (bar a typo), so a count of such words tells a wrong table from the right one.
 */

const VOWELS = 'aăâeêioôơuưy';
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Every Vietnamese letter, lower case: the Latin alphabet, đ, and the vowels with their tones. */
const LETTERS = new Set<string>([
  ...'abcdefghijklmnopqrstuvwxyzđ',
  ...[...VOWELS].flatMap((v) =>
    ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((t) => (v + t).normalize('NFC')),
  ),
]);

/**
 * Vowel pairs whose second vowel carries the tone (hoà, khoẻ, thuý, quyền, tiếp, nguyễn, thuở,
 * người, muốn); in every other pair the first takes it (tài, cửa, kìa). After q the u, and after g
 * the i, belong to the consonant (quá, giá), so they do not count as the first vowel.
 */
const SECOND_TAKES_TONE = new Set(['oa', 'oă', 'oe', 'uê', 'uy', 'uâ', 'uơ', 'uô', 'ươ', 'iê', 'yê', 'oo']);

/** Characters that may sit inside a word of a survey: apostrophes, hyphens, units (m², 25°). */
const IN_WORD = /['’\-.,/²³°%]/;

/**
 * A word is a run of anything but spaces, ASCII punctuation and digits, and the typographic marks,
 * arrows and symbols from U+2000 on; Vietnamese quotes « » around it are not part of it.
 */
const SEPARATORS = /[\s\d!-/:-@[-`{-~\u00a0\u2000-\u2bff]+/u;
const QUOTES = /^[«‹]+|[»›]+$/g;

function toneOf(ch: string): { base: string; toned: boolean } {
  const d = ch.normalize('NFD');
  return { base: d.replace(TONES, '').normalize('NFC'), toned: TONES.test(d) };
}

/** Why a word cannot be Vietnamese, or undefined when it can. */
export function impossible(word: string): string | undefined {
  const w = word.toLowerCase();
  let tones = 0;
  let prev: { base: string; toned: boolean; vowel: boolean } | undefined;
  let beforePrev = '';
  for (const ch of w) {
    if (/\p{M}/u.test(ch)) return 'a mark on a letter that cannot carry it';
    if (!LETTERS.has(ch)) {
      // A wrong table gives Latin-1 symbols and letters of other languages; other scripts it cannot.
      if (!IN_WORD.test(ch) && ch <= '\u02ff') return 'a character that is not a letter';
      prev = undefined;
      continue;
    }
    const { base, toned } = toneOf(ch);
    const vowel = VOWELS.includes(base);
    if (toned && ++tones > 1) return 'two tone marks';
    // The u of qu and the i of gi belong to the consonant.
    const prevIsVowel =
      prev?.vowel && !((prev.base === 'u' && beforePrev === 'q') || (prev.base === 'i' && beforePrev === 'g'));
    if (toned && vowel && prevIsVowel && !SECOND_TAKES_TONE.has(prev!.base + base)) return 'a tone on the wrong vowel';
    beforePrev = prev?.base ?? '';
    prev = { base, toned, vowel };
  }
  return undefined;
}

export interface WordCheck {
  /** Words with a letter outside ASCII: the ones a wrong table changes. */
  words: number;
  /** Those that cannot be Vietnamese, with the first few as examples. */
  bad: number;
  examples: string[];
}

export function checkWords(text: string): WordCheck {
  const check: WordCheck = { words: 0, bad: 0, examples: [] };
  for (const part of text.normalize('NFC').split(SEPARATORS)) {
    const word = part.replace(QUOTES, '');
    if (!/[\u0080-\uffff]/.test(word) || !/\p{L}/u.test(word)) continue;
    check.words++;
    if (impossible(word) !== undefined) {
      check.bad++;
      if (check.examples.length < 3 && !check.examples.includes(word)) check.examples.push(word);
    }
  }
  return check;
}
