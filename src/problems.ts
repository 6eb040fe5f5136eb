/**
 * Every problem ntm reports about its inputs has this shape (after frictionless' error taxonomy):
 * where it is, what is wrong, and what to do about it. Readers collect problems; the CLI decides
 * whether they are fatal (exit 2) or warnings.
 */
export interface Problem {
  kind: string;
  severity: 'error' | 'warning';
  file?: string;
  line?: number;
  column?: number | string;
  message: string;
  hint?: string;
}

/** A fatal input or usage error; the CLI prints its problems and exits 2. */
export class InputError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'InputError';
  }
}

export function fail(problem: Omit<Problem, 'severity'>): never {
  throw new InputError([{ ...problem, severity: 'error' }]);
}

export function formatLocation(p: Pick<Problem, 'file' | 'line' | 'column'>): string {
  let where = p.file ?? '';
  if (p.line !== undefined) where += `${where ? ':' : ''}${p.line}`;
  if (p.column !== undefined) where += `:${p.column}`;
  return where;
}
