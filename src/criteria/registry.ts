import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, InputError } from '../problems.js';
import { checkSet } from './check-set.js';
import { resolveSet, type SetFile } from './resolve.js';
import type { CriteriaSetFile } from './schema.js';
import { cachedSet } from './set-cache.js';
import type { CriteriaSet } from './types.js';

type YamlTools = typeof import('./load-yaml.js');

/** The sets shipped with ntm, found next to the installed package: no configuration needed. */
export const SHIPPED_SETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../criteria-sets');

export interface Registry {
  ids(): string[];
  /** The id of a set given by path (read when the registry opened). */
  idOf(file: string): string | undefined;
  get(id: string): CriteriaSet;
  all(): CriteriaSet[];
}

/** Folders to look in: the shipped sets, then NTM_SETS, then each --sets DIR. */
export function setDirs(extra: string[] = [], env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.NTM_SETS ?? '').split(delimiter).filter(Boolean);
  return [SHIPPED_SETS_DIR, ...fromEnv, ...extra];
}

/**
 * Finds the set files in the folders (and the single files given) and resolves sets on demand.
 * A set named by id is looked for first in a file of that name (`ID.yaml`), so that a run with
 * --set parses only the files it needs; choosing a set, listing, or an id in a file of another
 * name loads them all. An id defined twice is an error: which one a user meant cannot be guessed.
 * The YAML parser and the schema (yaml and zod, a tenth of a second to load) are loaded only when
 * a file is not in the build-time cache of the shipped sets.
 */
export async function openRegistry(dirs: string[], files: string[] = []): Promise<Registry> {
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      fail({ kind: 'missing-sets-dir', file: dir, params: { dir }, message: `criteria-set folder ${dir} does not exist`, hint: 'Check the --sets or NTM_SETS path.' });
    }
  }
  const paths = [...dirs.flatMap((dir) => readdirSync(dir).sort().filter((n) => /\.ya?ml$/i.test(n)).map((n) => join(dir, n))), ...files];
  // Reading the texts is cheap; it tells whether any needs parsing, before the first set is asked for.
  const texts = new Map(paths.map((file) => [file, readSetText(file)]));
  const yaml: YamlTools | undefined = [...texts.values()].some((t) => typeof t !== 'string' || !cachedSet(t)) ? await import('./load-yaml.js') : undefined;
  const parse = (file: string): CriteriaSetFile => {
    const text = texts.get(file)!;
    if (typeof text !== 'string') throw text;
    return cachedSet(text) ?? yaml!.parseSetSource(text, file);
  };
  const setFiles = new Map<string, SetFile>();
  const loaded = new Set<string>();
  const idByFile = new Map<string, string>();
  let all = false;
  const add = (file: string) => {
    // The same file reached twice (a --set path inside a --sets folder) is one set, not a clash.
    // A missing file keeps its path, so that loading it reports it as unreadable.
    const real = existsSync(file) ? realpathSync(file) : file;
    if (loaded.has(real)) return;
    loaded.add(real);
    const spec = parse(file);
    idByFile.set(real, spec.id);
    const prior = setFiles.get(spec.id);
    if (prior) {
      fail({ kind: 'duplicate-set', file, params: { id: spec.id, first: prior.file, second: file }, message: `set id "${spec.id}" is defined twice: ${prior.file} and ${file}`, hint: 'Give your own set another id (and `extends` the shipped one if it is a variant).' });
    }
    setFiles.set(spec.id, { file, spec });
  };
  const loadAll = () => {
    if (!all) paths.forEach(add);
    all = true;
  };
  // Files given by path are always read: their ids are not known from their names.
  files.forEach(add);
  const find = (id: string): SetFile | undefined => {
    if (!setFiles.has(id)) {
      const named = paths.filter((p) => basename(p).replace(/\.ya?ml$/i, '') === id);
      named.forEach(add);
      if (!setFiles.has(id) || named.length > 1) loadAll();
    }
    return setFiles.get(id);
  };
  const lookup = {
    get: find,
    has: (id: string) => find(id) !== undefined,
    keys: () => (loadAll(), setFiles.keys()),
    // Only a file outside the cache can be wrong, and then the YAML tools are loaded.
    locate: (file: string, path: string[]) => yaml?.locate(file, path) ?? {},
  };

  const cache = new Map<string, CriteriaSet>();
  const get = (id: string): CriteriaSet => {
    let set = cache.get(id);
    if (!set) {
      set = resolveSet(id, lookup);
      const problems = checkSet(set);
      if (problems.length) throw new InputError(problems);
      cache.set(id, set);
    }
    return set;
  };
  const ids = () => {
    loadAll();
    return [...setFiles.keys()].sort();
  };
  return { ids, get, all: () => ids().map(get), idOf: (file) => idByFile.get(existsSync(file) ? realpathSync(file) : file) };
}

/** A set file's text without BOM, or the error that reading it gives (raised when the set is needed). */
function readSetText(file: string): string | Error {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    return new InputError([{ kind: 'unreadable-file', severity: 'error', file, params: { case: 'read', path: file, detail: (e as Error).message }, message: `cannot read ${file}: ${(e as Error).message}` }]);
  }
}

/** A --set value is an id, or the path of a YAML file (which is loaded alongside the folders). */
export function isSetPath(value: string): boolean {
  return /\.ya?ml$/i.test(value) || value.includes('/') || value.includes('\\');
}
