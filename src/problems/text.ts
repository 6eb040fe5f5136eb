/**
 * The shapes shared by the catalogue of problem kinds (catalogue.ts): a kind's text in each
 * language is built from the problem's `params` alone, so that scripts (JSON output) and every
 * language see the same facts.
 */

/** The variable parts of a problem's message: names, numbers, and which variant of the message it is. */
export type ProblemParams = Record<string, string | number | undefined>;

/** A problem's text in one language. */
export type Text = { message: string; hint?: string };

/** One kind of problem: its English text (which fills `Problem.message` / `hint`) and its Vietnamese. */
export type Entry = { en: (p: ProblemParams) => Text; vi: (p: ProblemParams) => Text };

/** Quoted as the messages quote: "…". */
export const q = (v: unknown) => `"${v}"`;

/** "1 indicator", "3 indicators". */
export const plural = (n: unknown, word: string) => `${n} ${word}${Number(n) > 1 ? 's' : ''}`;
