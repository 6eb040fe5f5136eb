import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, InputError } from '../problems.js';
import { checkSet } from './check-set.js';
import { loadSetFile } from './load-yaml.js';
import { resolveSet, type SetFile } from './resolve.js';
import type { CriteriaSet } from './types.js';

/** The sets shipped with ntm, found next to the installed package: no configuration needed. */
export const SHIPPED_SETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../criteria-sets');

export interface Registry {
  ids(): string[];
  get(id: string): CriteriaSet;
  all(): CriteriaSet[];
}

/** Folders to look in: the shipped sets, then NTM_SETS, then each --sets DIR. */
export function setDirs(extra: string[] = [], env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.NTM_SETS ?? '').split(delimiter).filter(Boolean);
  return [SHIPPED_SETS_DIR, ...fromEnv, ...extra];
}

/**
 * Loads every set file in the folders (and the single files given), then resolves sets on demand.
 * An id defined twice is an error: which one a user meant cannot be guessed.
 */
export function openRegistry(dirs: string[], files: string[] = []): Registry {
  const setFiles = new Map<string, SetFile>();
  const loaded = new Set<string>();
  const add = (file: string) => {
    // The same file reached twice (a --set path inside a --sets folder) is one set, not a clash.
    const real = realpathSync(file);
    if (loaded.has(real)) return;
    loaded.add(real);
    const spec = loadSetFile(file);
    const prior = setFiles.get(spec.id);
    if (prior) {
      fail({ kind: 'duplicate-set', file, message: `set id "${spec.id}" is defined twice: ${prior.file} and ${file}`, hint: 'Give your own set another id (and `extends` the shipped one if it is a variant).' });
    }
    setFiles.set(spec.id, { file, spec });
  };
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      fail({ kind: 'missing-sets-dir', file: dir, message: `criteria-set folder ${dir} does not exist`, hint: 'Check the --sets or NTM_SETS path.' });
    }
    for (const name of readdirSync(dir).sort()) {
      if (/\.ya?ml$/i.test(name)) add(join(dir, name));
    }
  }
  for (const f of files) add(f);

  const cache = new Map<string, CriteriaSet>();
  const get = (id: string): CriteriaSet => {
    let set = cache.get(id);
    if (!set) {
      set = resolveSet(id, setFiles);
      const problems = checkSet(set);
      if (problems.length) throw new InputError(problems);
      cache.set(id, set);
    }
    return set;
  };
  const ids = () => [...setFiles.keys()].sort();
  return { ids, get, all: () => ids().map(get) };
}

/** A --set value is an id, or the path of a YAML file (which is loaded alongside the folders). */
export function isSetPath(value: string): boolean {
  return /\.ya?ml$/i.test(value) || value.includes('/') || value.includes('\\');
}
