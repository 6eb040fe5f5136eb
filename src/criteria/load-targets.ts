import { readFile } from 'node:fs/promises';
import { fail } from '../problems.js';
import { parseYamlSource } from './load-yaml.js';
import { targetsFileSchema, type TargetsFile } from './targets-schema.js';

const TARGETS_FORMAT = {
  schema: targetsFileSchema,
  kind: 'targets-schema',
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
    return fail('unreadable-file', { case: 'read', path, detail: (e as Error).message }, { file: path });
  }
  return parseTargetsSource(source.normalize('NFC'), path);
}
