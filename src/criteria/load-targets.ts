import { readFile } from 'node:fs/promises';
import { fail } from '../problems.js';
import { parseYamlSource } from './load-yaml.js';
import { targetsFileSchema, type TargetsFile } from './targets-schema.js';

const TARGETS_FORMAT = {
  schema: targetsFileSchema,
  kind: 'targets-schema',
  what: 'a targets file',
  hint: 'Fix the targets file (--targets); its format is in the README.',
} as const;

/** Parses the text of a targets file; every problem names its line and column. */
export function parseTargetsSource(source: string, file: string): TargetsFile {
  return parseYamlSource(source, file, TARGETS_FORMAT);
}

export async function loadTargets(path: string): Promise<TargetsFile> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (e) {
    return fail({
      kind: 'unreadable-file',
      file: path,
      params: { case: 'read', path, detail: (e as Error).message },
      message: `cannot read ${path}: ${(e as Error).message}`,
    });
  }
  return parseTargetsSource(source.normalize('NFC'), path);
}
