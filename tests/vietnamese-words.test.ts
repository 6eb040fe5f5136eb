import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWords, impossible } from '../src/text/vietnamese-words.js';
import { ROOT } from './helpers/cli.js';

describe('words no Vietnamese text has (wrong --encoding)', () => {
  it('finds none in the shipped sets and the fixtures, thousands of Vietnamese words', () => {
    const dirs = ['criteria-sets', 'fixtures', 'fixtures/reports'].map((d) => join(ROOT, d));
    const files = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => /\.(ya?ml|csv)$/.test(f) && !f.includes('nfd'))
        .map((f) => join(d, f)),
    );
    let words = 0;
    for (const f of files) {
      const c = checkWords(readFileSync(f, 'utf8'));
      expect({ f, examples: c.examples }).toEqual({ f, examples: [] });
      words += c.words;
    }
    expect(words).toBeGreaterThan(5000);
  });

  it('accepts both tone placements, qu and gi, quotes and units', () => {
    for (const w of [
      'hoà',
      'hòa',
      'khoẻ',
      'thuỷ',
      'thủy',
      'quyền',
      'nguyễn',
      'thuở',
      'người',
      'quá',
      'giữa',
      'cửa',
      'kìa',
      'm²',
      'Đạt',
      'HĐND',
      'ĐBSCL',
    ]) {
      expect([w, impossible(w)]).toEqual([w, undefined]);
    }
  });

  it('names what is wrong: a symbol in a word, a stray tone mark, two tones, a tone on the wrong vowel', () => {
    expect(impossible('th«n')).toBe('a character that is not a letter');
    expect(impossible('Tªn')).toBe('a character that is not a letter');
    expect(impossible('K\u0300m')).toBe('a mark on a letter that cannot carry it');
    expect(impossible('Ỗờỡn')).toBe('two tone marks');
    expect(impossible('xaị')).toBe('a tone on the wrong vowel');
    expect(impossible('Keèm')).toBe('a tone on the wrong vowel');
  });
});
