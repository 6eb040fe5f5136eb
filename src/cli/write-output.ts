import { once } from 'node:events';
import { createWriteStream, existsSync, realpathSync, renameSync, unlinkSync, writeFileSync, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { fail, InputError } from '../problems.js';

/**
 * Refuses an output path that is one of the inputs, or that exists without --force. Called before
 * the evaluation (a long run should not end in a refusal) and again just before writing.
 */
export function checkOutput(path: string, inputs: string[], force: boolean): void {
  const target = resolve(path);
  if (!existsSync(target)) return;
  const same = (a: string) => {
    try {
      return realpathSync(a) === realpathSync(target);
    } catch {
      return resolve(a) === target;
    }
  };
  if (inputs.some((i) => i !== '-' && same(i))) {
    fail({ kind: 'output-is-input', file: path, params: { path }, message: `will not write the report over an input file (${path})`, hint: 'Choose another -o path.' });
  }
  if (!force) {
    fail({ kind: 'output-exists', file: path, params: { path }, message: `${path} already exists; it was left unchanged`, hint: 'Add --force to replace it, or choose another -o path.' });
  }
}

/**
 * Writes a report atomically (a temporary file in the same folder, then a rename), never over an
 * input file, and over an existing file only with --force.
 */
export function writeOutput(path: string, data: string | Buffer, inputs: string[], force: boolean): void {
  checkOutput(path, inputs, force);
  const target = resolve(path);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* the temporary file was never made */
    }
    fail({ kind: 'write-failed', file: path, params: { path, detail: (e as Error).message }, message: `cannot write ${path}: ${(e as Error).message}` });
  }
}

/**
 * Streams a report into a file atomically: `write` fills a temporary file in the same folder, which
 * is renamed over `path` only when it is whole; on any error it is removed and nothing appears.
 */
export async function streamOutput(
  path: string,
  inputs: string[],
  force: boolean,
  write: (out: Writable) => Promise<void>,
): Promise<void> {
  checkOutput(path, inputs, force);
  const target = resolve(path);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let file: WriteStream | undefined;
  try {
    file = createWriteStream(tmp, { flags: 'wx' });
    await once(file, 'open');
    await write(file);
    file.end();
    await finished(file);
    renameSync(tmp, target);
  } catch (e) {
    file?.destroy();
    try {
      unlinkSync(tmp);
    } catch {
      /* the temporary file was never made */
    }
    if (e instanceof InputError) throw e;
    fail({ kind: 'write-failed', file: path, params: { path, detail: (e as Error).message }, message: `cannot write ${path}: ${(e as Error).message}` });
  }
}
