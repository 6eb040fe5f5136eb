import { formatLocation, type Problem } from '../problems.js';

/** Exit codes are part of the interface: 0 all units meet, 1 some do not, 2 bad input or usage. */
export const EXIT = { ok: 0, unmet: 1, error: 2 } as const;

/** "file:line:column: error: message" and a hint line, as compilers and linters print them. */
export function formatProblem(p: Problem): string {
  const where = formatLocation(p);
  const head = `${where ? `${where}: ` : ''}${p.severity}: ${p.message}`;
  return `${head}\n${p.hint ? `  hint: ${p.hint}\n` : ''}`;
}
