import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { regionCode, regionList } from '../criteria/regions.js';
import type { Registry } from '../criteria/registry.js';
import { fail } from '../problems.js';
import { defaultLang } from '../i18n/messages.js';

export interface CommonOptions {
  sets: string[];
  lang: string;
  /** A region code (parsed from a code or a full name). */
  region?: string;
  /** The commune group of 51/2025/QĐ-TTg thresholds. */
  group?: number;
}

const collect = (v: string, all: string[]) => [...all, v];

/** Options every command that reads criteria sets takes. */
export function commonOptions(cmd: Command): Command {
  return cmd
    .option(...SETS)
    .option(
      '--region <region>',
      'region column of national thresholds (TDMNPB, ĐBSH, BTB, DHNTB, TN, ĐNB, ĐBSCL, or the full name)',
      parseRegion,
    )
    .option(
      '--group <group>',
      'commune group of 2026–2030 thresholds (xã nhóm 1, 2, 3); a "Nhóm xã" column overrides it per row',
      parseGroup,
    )
    .addOption(langOption());
}

/** --sets and --lang: for commands that read sets but judge nothing (no region, no year). */
export function setsAndLang(cmd: Command): Command {
  return cmd.option(...SETS).addOption(langOption());
}

const SETS = [
  '--sets <dir>',
  'also load the criteria sets in DIR (repeatable; also NTM_SETS)',
  collect,
  [] as string[],
] as const;
const langOption = () =>
  new Option('--lang <lang>', 'language of what ntm says')
    .choices(['vi', 'en'])
    .default(defaultLang(), 'vi when the locale is Vietnamese');

/** --region as a region code, checked while the options are parsed: before any file is read. */
function parseRegion(region: string): string {
  return regionCode(region) ?? fail('bad-region', { region, regions: regionList() });
}

/** --group as 1, 2 or 3, checked while the options are parsed. */
function parseGroup(group: string): number {
  if (/^[123]$/.test(group.trim())) return Number(group);
  return fail('bad-group', { group });
}

/** Opens the registry; a set given as a YAML path is loaded beside the folders and its id returned. */
export async function openSets(
  opts: Pick<CommonOptions, 'sets'>,
  set?: string,
): Promise<{ registry: Registry; setId?: string }> {
  // Loaded here, not at start-up: `ntm --version` and `--help` need no criteria sets.
  const { isSetPath, openRegistry, setDirs } = await import('../criteria/registry.js');
  const dirs = setDirs(opts.sets.map((d) => resolve(d)));
  if (set && isSetPath(set)) {
    const file = resolve(set);
    const registry = await openRegistry(dirs, [file]);
    return { registry, setId: registry.idOf(file) };
  }
  return { registry: await openRegistry(dirs), setId: set };
}

/** Opens the registry for several sets, each given by id or as a YAML path; their ids in the same order. */
export async function openSetsById(
  opts: Pick<CommonOptions, 'sets'>,
  refs: string[],
): Promise<{ registry: Registry; ids: string[] }> {
  const { isSetPath, openRegistry, setDirs } = await import('../criteria/registry.js');
  const files = refs.filter(isSetPath).map((f) => resolve(f));
  const registry = await openRegistry(setDirs(opts.sets.map((d) => resolve(d))), files);
  return { registry, ids: refs.map((r) => (isSetPath(r) ? registry.idOf(resolve(r))! : r)) };
}
