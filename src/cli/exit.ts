import { formatLocation, type Problem } from '../problems.js';
import { t, type Lang } from '../i18n/messages.js';
import { problemText } from '../problems/catalogue.js';
import { terminalSafe } from '../text/terminal-safe.js';

/** Exit codes are part of the interface: 0 all units meet, 1 some do not, 2 bad input or usage. */
export const EXIT = { ok: 0, unmet: 1, error: 2 } as const;

/**
 * "file:line:column: error: message" and a hint line, as compilers and linters print them; in
 * Vietnamese "…: lỗi: …" / "gợi ý: …". Positions stay as they are in both languages. Messages quote
 * survey and set text, and file names: made terminal-safe, since this goes to the terminal.
 */
export function formatProblem(p: Problem, lang: Lang = 'en'): string {
  const where = formatLocation(p);
  const { message, hint } = lang === 'vi' ? problemText(p.kind, p.params, 'vi') : p;
  const head = `${where ? `${where}: ` : ''}${t(lang, p.severity)}: ${cut(message)}`;
  return terminalSafe(`${head}\n${hint ? `  ${t(lang, 'hint')}: ${cut(hint)}\n` : ''}`);
}

/** A message longer than this (a list of hundreds of columns) is cut, with an ellipsis. */
const MAX_MESSAGE = 600;
const cut = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s);
