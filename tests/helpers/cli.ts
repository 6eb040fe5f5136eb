import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/ntm');
export const fixture = (name: string) => join(ROOT, 'fixtures', name);

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a test run: English unless the test says otherwise, no colour settings, no user sets. */
function testEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    LANG: 'C.UTF-8',
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    NTM_SETS: undefined,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...extra,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

type RunOptions = { input?: string | Buffer; env?: Record<string, string | undefined>; cwd?: string };

/** Runs the real CLI as a user would, standard output kept as bytes (an xlsx written to a pipe). */
export function ntmRaw(
  args: string[],
  opts: RunOptions = {},
): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: testEnv(opts.env) });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout: Buffer.concat(stdout), stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs the real CLI as a user would, in English unless the test says otherwise, without colour. */
export async function ntm(args: string[], opts: RunOptions = {}): Promise<Run> {
  const r = await ntmRaw(args, opts);
  return { ...r, stdout: r.stdout.toString('utf8') };
}

/** A fresh temporary folder with the given files in it. */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-test-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export const json = (r: Run) => JSON.parse(r.stdout);

/** The header of a village (thôn) survey for bac-kan-thon-2019: unit, commune, criteria 1..16. */
export const THON_HEADER = 'Tên thôn,Tên xã,' + Array.from({ length: 16 }, (_, i) => String(i + 1)).join(',');

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `ntm ARGS [SHELL_TAIL]` under `script`, which gives it a real terminal for stdin, stdout and
 * stderr, as a user at a console has (stdout and stderr arrive merged, with the terminal's CRLF
 * turned back into LF). `tail` is appended to the shell command as is, e.g. "> out.xlsx".
 */
export function inTerminal(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; tail?: string } = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((done, reject) => {
    const command = [process.execPath, BIN, ...args].map(sh).join(' ') + (opts.tail ? ` ${opts.tail}` : '');
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: opts.cwd ?? ROOT, env: testEnv(opts.env) });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, out: out.replace(/\r\n/g, '\n') }));
  });
}
