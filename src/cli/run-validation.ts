import { openRegistry, readSetText, setDirs } from '../criteria/registry.js';
import { parseSetSource } from '../criteria/load-yaml.js';
import { readSurvey } from '../data/read-survey.js';
import { InputError, type Problem } from '../problems.js';
import type { Lang } from '../i18n/messages.js';
import { missingColumns } from '../pipeline/run-warnings.js';
import { openSets } from './options.js';

/** What `ntm validate` found in one file. */
export interface FileCheck {
  file: string;
  what: 'set' | 'survey';
  /** The set's id (a set file), or the set the survey was read with. */
  set?: string;
  /** Survey rows read as units. */
  units?: number;
  problems: Problem[];
}

export interface ValidateOptions {
  sets: string[];
  set?: string;
  encoding?: string;
  lang: Lang;
}

/** A criteria-set file is YAML; anything else is a survey. */
export const isSetFile = (file: string) => /\.ya?ml$/i.test(file);

/**
 * Checks every file with the loader and the reader ntm evaluates with, collecting every problem
 * of each file (a file's first fatal problem stops only that file); nothing is judged.
 */
export async function validateFiles(files: string[], o: ValidateOptions): Promise<FileCheck[]> {
  const checks: FileCheck[] = [];
  for (const file of files)
    checks.push(await collecting(file, isSetFile(file) ? () => checkSetFile(file, o) : () => checkSurvey(file, o)));
  return checks;
}

async function collecting(file: string, check: () => Promise<FileCheck>): Promise<FileCheck> {
  try {
    return await check();
  } catch (e) {
    if (e instanceof InputError) return { file, what: isSetFile(file) ? 'set' : 'survey', problems: e.problems };
    throw e;
  }
}

async function checkSetFile(file: string, o: ValidateOptions): Promise<FileCheck> {
  // Parsed alone first: its schema problems are its own, whatever the folders hold.
  const spec = parseSetSource(readSetText(file), file);
  const registry = await openRegistry(setDirs(o.sets), [file], { positions: true });
  return { file, what: 'set', set: spec.id, problems: byPosition(registry.problems(spec.id)) };
}

async function checkSurvey(file: string, o: ValidateOptions): Promise<FileCheck> {
  const { registry, setId } = await openSets(o, o.set);
  const fixed = setId ? registry.get(setId) : undefined;
  const warnings: Problem[] = [];
  const reading = readSurvey(file, {
    encoding: o.encoding,
    lang: o.lang,
    set: fixed,
    candidates: fixed ? [] : registry.all(),
    keepErrors: true,
    warn: (p) => warnings.push(p),
  });
  // Nothing is judged: the rows are only read.
  let next = await reading.next();
  while (!next.done) next = await reading.next();
  const read = next.value;
  const problems = [...read.errors, ...warnings];
  const shown = file === '-' ? '(stdin)' : file;
  // A column the survey lacks would leave every unit without data: for a check, that is an error.
  problems.push(...missingColumns(read, shown, 'error'));
  return {
    file: shown,
    what: 'survey',
    set: read.set.id,
    units: read.rows,
    problems: byPosition(problems),
  };
}

/** In the order of the file, a problem of the whole file (no line) first; one line's problems keep their order. */
const byPosition = (ps: Problem[]) =>
  [...ps].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || Number(a.column ?? 0) - Number(b.column ?? 0));
