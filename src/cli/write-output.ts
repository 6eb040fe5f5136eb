import { accessSync, constants, createWriteStream, existsSync, realpathSync } from 'node:fs';
import { renameSync, statSync, unlinkSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { basename, dirname, join, resolve } from 'node:path';
import { fail, InputError, problem } from '../problems.js';

type OutputCase = 'empty' | 'no-folder' | 'folder' | 'unwritable';

function refuse(path: string, why: OutputCase): never {
  return fail('bad-output', { case: why, path }, { file: path || undefined });
}

const writable = (p: string) => {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Refuses an output path that cannot be written, that is one of the inputs (a survey, the
 * --villages file, a set file), or that exists without --force. Called before any work (a long
 * run should not end in a refusal) and again just before the report takes the path.
 */
export function checkOutput(path: string, inputs: string[], force: boolean): { regular: boolean } {
  if (path === '') refuse(path, 'empty');
  const target = resolve(path);
  if (!existsSync(target)) {
    const dir = dirname(target);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) refuse(path, 'no-folder');
    if (!writable(dir)) refuse(path, 'unwritable');
    return { regular: true };
  }
  const st = statSync(target);
  if (st.isDirectory()) refuse(path, 'folder');
  const real = realpathSync(target);
  const same = (a: string) => {
    try {
      return realpathSync(a) === real;
    } catch {
      return resolve(a) === target;
    }
  };
  if (inputs.some((i) => i !== '-' && same(i))) {
    fail('output-is-input', { path }, { file: path });
  }
  // A device, a pipe or a terminal (/dev/null, a FIFO, /dev/stdout) is written into, never replaced.
  const regular = st.isFile() && !/^\/(dev|proc)\//.test(target);
  if (!writable(target)) refuse(path, 'unwritable');
  if (!regular) return { regular };
  if (!writable(dirname(target))) refuse(path, 'unwritable');
  if (!force) {
    fail('output-exists', { path }, { file: path });
  }
  return { regular };
}

/** Bytes buffered before a write waits for the disk: the run goes on while a piece is written. */
const BUFFER = 1 << 20;

/** A report on its way to -o: written into a temporary file, which takes the path only when whole. */
export interface OutputFile {
  stream: Writable;
  /** Ends the report and gives it the path. */
  commit(): Promise<void>;
  /**
   * Removes what was written (an error midway, Ctrl-C): the path is left as it was. Gives the
   * error to throw for `cause`: the report's own when it could not be written (a full disk).
   */
  abort(cause?: unknown): unknown;
}

/**
 * Opens the -o target: a temporary file beside it (renamed over it at the end), or, for a device
 * or a pipe, the target itself. Ctrl-C while writing removes the temporary file.
 */
export function openOutput(path: string, inputs: string[], force: boolean): OutputFile {
  const { regular } = checkOutput(path, inputs, force);
  const target = resolve(path);
  if (!regular) {
    const stream = kept(createWriteStream(target, { flags: 'a', highWaterMark: BUFFER }));
    const abort = (cause?: unknown) => {
      const failed = writeFailure(stream, path, cause);
      stream.destroy();
      return failed;
    };
    return { stream, commit: () => finish(stream, path), abort };
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const stream = kept(createWriteStream(tmp, { flags: 'wx', highWaterMark: BUFFER }));
  const remove = () => {
    stream.destroy();
    try {
      unlinkSync(tmp);
    } catch {
      /* not made yet, or already gone */
    }
  };
  const interrupted = (signal: NodeJS.Signals) => {
    remove();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  const settle = () => process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  return {
    stream,
    commit: async () => {
      try {
        await finish(stream, path);
        checkOutput(path, inputs, force);
        renameSync(tmp, target);
      } catch (e) {
        remove();
        throw e;
      } finally {
        settle();
      }
    },
    abort: (cause) => {
      const failed = writeFailure(stream, path, cause);
      remove();
      settle();
      return failed;
    },
  };
}

/** A stream whose error is kept (`errored`) for the next write or the end, not thrown unheard. */
const kept = (stream: Writable) => stream.on('error', () => undefined);

async function finish(stream: Writable, path: string): Promise<void> {
  try {
    if (stream.errored) throw stream.errored;
    await new Promise<void>((done, failed) => stream.end((e?: Error | null) => (e ? failed(e) : done())));
  } catch (e) {
    throw writeFailed(path, e);
  }
}

/** `cause`, unless the stream failed first and `cause` is not the user's input error. */
function writeFailure(stream: Writable, path: string, cause: unknown): unknown {
  return stream.errored && !(cause instanceof InputError) ? writeFailed(path, stream.errored) : cause;
}

const writeFailed = (path: string, e: unknown) =>
  new InputError([problem('write-failed', { path, detail: (e as Error).message })]);
