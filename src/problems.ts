/**
 * Every problem ntm reports about its inputs has this shape (after frictionless' error taxonomy):
 * where it is, what is wrong, and what to do about it. Readers collect problems; the CLI decides
 * whether they are fatal (exit 2) or warnings.
 */
import { problemText, type ProblemKind } from './problems/catalogue.js';
import type { ProblemParams } from './problems/text.js';

export type { ProblemKind, ProblemParams };

export interface Problem {
  /** What went wrong, for scripts (JSON output) and for the translations, which are keyed by it. */
  kind: ProblemKind;
  severity: 'error' | 'warning';
  file?: string;
  /** The worksheet, for a workbook: `line` is then the row number, and a numeric `column` is shown as a letter. */
  sheet?: string;
  line?: number;
  column?: number | string;
  /** The English text, from the catalogue (src/problems/catalogue.ts), built from `params`, which scripts read. */
  message: string;
  hint?: string;
  params?: ProblemParams;
}

/** A fatal input or usage error; the CLI prints its problems and exits 2. */
export class InputError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'InputError';
  }
}

/** Where a problem is, and how grave (an error unless it says otherwise). */
export type Where = Partial<Pick<Problem, 'severity' | 'file' | 'sheet' | 'line' | 'column'>>;

/** A problem of this kind: its English `message` and `hint` are the catalogue's, from `params`. */
export function problem(kind: ProblemKind, params: ProblemParams | undefined, where: Where = {}): Problem {
  const { severity = 'error', ...place } = where;
  const { message, hint } = problemText(kind, params, 'en');
  return {
    kind,
    severity,
    ...place,
    ...(params === undefined ? {} : { params }),
    message,
    ...(hint === undefined ? {} : { hint }),
  };
}

/** Stops with one error of this kind (exit 2). */
export function fail(kind: ProblemKind, params: ProblemParams | undefined, where: Where = {}): never {
  throw new InputError([problem(kind, params, { ...where, severity: 'error' })]);
}

/** "file:line:column" for text files; "file.xlsx[Sheet]!C7" (or "!7:7" for a whole row) for workbooks. */
export function formatLocation(p: Pick<Problem, 'file' | 'sheet' | 'line' | 'column'>): string {
  if (p.sheet !== undefined) {
    const book = `${p.file ?? ''}[${p.sheet}]`;
    if (p.line === undefined) return book;
    if (p.column === undefined) return `${book}!${p.line}:${p.line}`;
    return `${book}!${typeof p.column === 'number' ? columnLetters(p.column) : p.column}${p.line}`;
  }
  let where = p.file ?? '';
  if (p.line !== undefined) where += `${where ? ':' : ''}${p.line}`;
  if (p.column !== undefined) where += `:${p.column}`;
  return where;
}

/** A spreadsheet's column letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
