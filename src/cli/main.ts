import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { InputError, problem } from '../problems.js';
import { commanderVi, internalError, langFromArgv, type Lang } from '../i18n/messages.js';
import { EXIT, formatProblem } from './exit.js';
import { registerSets } from './sets-command.js';
import { registerEvaluate } from './evaluate-command.js';
import { registerTemplate } from './template-command.js';
import { registerValidate } from './validate-command.js';
import { registerCompletion } from './completion-command.js';
import { localizeHelp } from './help.js';
import { terminalSafe } from '../text/terminal-safe.js';

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  const lang = langFromArgv(argv);
  const out = (s: string) => process.stdout.write(s);
  // `ntm … | head` closes the pipe early: a failed write is an 'error' event, never a throw. Any
  // other failure (a full disk) ends the run with an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    process.stderr.write(formatProblem(problem('write-failed', { path: '(stdout)', detail: e.message }), lang));
    process.exit(EXIT.error);
  });
  const program = buildProgram(lang, out);

  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = handleError(err, debug, lang);
  }
}

/** Every command, with its help in the chosen language. */
export function buildProgram(lang: Lang, out: (s: string) => void): Command {
  const program = new Command('ntm')
    .description("Evaluate Vietnam's new rural development (nông thôn mới) criteria from survey data")
    .version(version, '-V, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(lang === 'vi' ? commanderVi(s) : s),
    });
  registerSets(program, out);
  registerEvaluate(program, out);
  registerTemplate(program, out);
  registerValidate(program, out);
  registerCompletion(program, out);
  localizeHelp(program, lang);
  return program;
}

function handleError(err: unknown, debug: boolean, lang: Lang): number {
  if (err instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return err.exitCode === 0 ? EXIT.ok : EXIT.error;
  }
  if (err instanceof InputError) {
    for (const p of err.problems) process.stderr.write(formatProblem(p, lang));
    if (debug) process.stderr.write(`${err.stack}\n`);
    return EXIT.error;
  }
  process.stderr.write(terminalSafe(internalError(lang, (err as Error)?.message ?? String(err), debug)));
  if (debug) process.stderr.write(`${(err as Error)?.stack}\n`);
  return EXIT.error;
}
