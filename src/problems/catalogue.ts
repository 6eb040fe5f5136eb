/**
 * Every kind of problem ntm reports, with its text in English and in Vietnamese, built from the
 * problem's `params`. Problem sites give only the kind, the params and where (src/problems.ts's
 * `problem` / `fail`); `Problem.kind` is typed by this catalogue's keys, so a new kind does not
 * compile until it has an entry here, in both languages. Text quoted from libraries (a YAML
 * parser's or zod's message, a system error) stays as it is in both.
 */
import { PROGRESS } from './progress.js';
import { READING } from './reading.js';
import { RUN } from './run.js';
import { SETS } from './sets.js';
import type { Entry, ProblemParams, Text } from './text.js';

export const CATALOGUE = { ...READING, ...SETS, ...RUN, ...PROGRESS } satisfies Record<string, Entry>;

export type ProblemKind = keyof typeof CATALOGUE;
export type Lang = 'en' | 'vi';

/** A problem's message and hint in one language. */
export function problemText(kind: ProblemKind, params: ProblemParams | undefined, lang: Lang): Text {
  return CATALOGUE[kind][lang](params ?? {});
}
