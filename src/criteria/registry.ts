import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, InputError, type Problem } from '../problems.js';
import { checkSet, type LocateIndicator } from './check-set.js';
import { unsourcedThresholds } from './check-sources.js';
import { resolveSet, type SetFile } from './resolve.js';
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
  /**
   * Every problem of a set, for `ntm validate`: resolving it, its thresholds against their
   * types, and thresholds that cite no source; empty when it is sound.
   */
  problems(id: string): Problem[];
  /** Every set file read (folders and single files): a report is never written over one. */
  files(): string[];
}

export interface RegistryOptions {
  /** Load the YAML tools even for cached sets, so that problems found after parsing have lines. */
  positions?: boolean;
}

/** Folders to look in: the shipped sets, then NTM_SETS, then each --sets DIR. */
export function setDirs(extra: string[] = [], env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.NTM_SETS ?? '').split(delimiter).filter(Boolean);
  return [SHIPPED_SETS_DIR, ...fromEnv, ...extra];
}

/**
 * Reads the set files in the folders (and the single files given) and resolves sets on demand.
 * Every file is read when the registry opens: the shipped sets come parsed from the build-time
 * cache, so only a file outside it needs the YAML parser and the schema (yaml and zod, a tenth of
 * a second to load). An id defined twice is an error: which one a user meant cannot be guessed.
 */
export async function openRegistry(
  dirs: string[],
  files: string[] = [],
  opts: RegistryOptions = {},
): Promise<Registry> {
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      fail('missing-sets-dir', { dir }, { file: dir });
    }
  }
  // The same file reached twice (a --set path inside a --sets folder) is one set, not a clash.
  const paths = [...new Map([...setFilesIn(dirs), ...files].map((f) => [realPath(f), f])).values()];
  const texts = new Map(paths.map((file) => [file, readSetText(file)]));
  const cached = new Map(paths.map((file) => [file, cachedSet(texts.get(file)!)]));
  const needYaml = opts.positions || [...cached.values()].includes(undefined);
  const yaml: YamlTools | undefined = needYaml ? await import('./load-yaml.js') : undefined;

  const setFiles = new Map<string, SetFile>();
  const idByFile = new Map<string, string>();
  for (const file of paths) {
    const spec = cached.get(file) ?? yaml!.parseSetSource(texts.get(file)!, file);
    const prior = setFiles.get(spec.id);
    if (prior) {
      fail('duplicate-set', { id: spec.id, first: prior.file, second: file }, { file });
    }
    setFiles.set(spec.id, { file, spec });
    idByFile.set(realPath(file), spec.id);
  }
  const lookup = {
    get: (id: string) => setFiles.get(id),
    keys: () => setFiles.keys(),
    // Only a file outside the cache can be wrong, and then the YAML tools are loaded.
    locate: (file: string, path: (string | number)[]) => yaml?.locate(texts.get(file) ?? '', path) ?? {},
  };
  // An indicator's keys are written in the file of the set that last changed it (its origin).
  const locateIndicator: LocateIndicator = (c, ind, tail) => {
    const entry = setFiles.get(ind.origin);
    if (!entry) return {};
    const ci = entry.spec.criteria.findIndex((s) => s.id === c.id);
    const ii = entry.spec.criteria[ci]?.indicators?.findIndex((s) => s.id === ind.id) ?? -1;
    if (ii < 0) return { file: entry.file };
    const at = ['criteria', ci, 'indicators', ii];
    const exact = lookup.locate(entry.file, [...at, ...tail]);
    return { file: entry.file, ...(exact.line !== undefined ? exact : lookup.locate(entry.file, at)) };
  };

  const resolved = new Map<string, CriteriaSet>();
  const get = (id: string): CriteriaSet => {
    let set = resolved.get(id);
    if (!set) {
      set = resolveSet(id, lookup);
      const problems = checkSet(set, locateIndicator, lookup.locate);
      if (problems.length) throw new InputError(problems);
      resolved.set(id, set);
    }
    return set;
  };
  const ids = () => [...setFiles.keys()].sort();
  const problems = (id: string): Problem[] => {
    try {
      const set = resolveSet(id, lookup);
      return [...checkSet(set, locateIndicator), ...unsourcedThresholds(set, (s) => setFiles.get(s), locateIndicator)];
    } catch (e) {
      if (e instanceof InputError) return e.problems;
      throw e;
    }
  };
  const idOf = (file: string) => idByFile.get(realPath(file));
  return { ids, get, all: () => ids().map(get), idOf, problems, files: () => paths };
}

/** The YAML files of the folders, each folder's in name order. */
export function setFilesIn(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .sort()
      .filter((n) => /\.ya?ml$/i.test(n))
      .map((n) => join(dir, n)),
  );
}

/** A missing file keeps its path, so that reading it reports it as unreadable. */
const realPath = (file: string) => (existsSync(file) ? realpathSync(file) : file);

/** The largest set file read: the largest shipped set is under 100 kB. */
const MAX_SET_BYTES = 5 * 1024 * 1024;

/**
 * A set file's text, without BOM. Opened without blocking and checked on the open file: a FIFO or a
 * device (given as --set, or named *.yaml in a folder) would hang the run or never end.
 */
export function readSetText(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) notARegularFile(file, st);
    if (st.size > MAX_SET_BYTES) {
      const mb = (st.size / 1024 / 1024).toFixed(1);
      fail('set-too-large', { size: mb, max: MAX_SET_BYTES / 1024 / 1024 }, { file });
    }
    return readFileSync(fd, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if ((e as { problems?: unknown }).problems) throw e;
    return fail('unreadable-file', { case: 'read', path: file, detail: (e as Error).message }, { file });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function notARegularFile(file: string, st: Stats): never {
  const what = st.isDirectory()
    ? 'a folder'
    : st.isFIFO()
      ? 'a FIFO (named pipe)'
      : st.isSocket()
        ? 'a socket'
        : 'a device';
  return fail('unreadable-file', { case: 'not-a-set-file', path: file, what }, { file });
}

/** A --set value is an id, or the path of a YAML file (which is loaded alongside the folders). */
export function isSetPath(value: string): boolean {
  return /\.ya?ml$/i.test(value) || value.includes('/') || value.includes('\\');
}
