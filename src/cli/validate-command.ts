import { Option, type Command } from 'commander';
import type { Lang } from '../i18n/messages.js';
import { validationSummary } from '../i18n/messages.js';
import { EXIT, formatProblem } from './exit.js';
import { setsAndLang } from './options.js';

interface ValidateOptions {
  sets: string[];
  lang: string;
  set?: string;
  encoding?: string;
  format: 'text' | 'json';
}

export function registerValidate(program: Command, out: (s: string) => void): void {
  setsAndLang(
    program
      .command('validate')
      .description('check criteria-set files and survey files, listing every problem at once')
      .argument('<files...>', 'criteria-set YAML files and survey files ("-" reads standard input)'),
  )
    .option('--set <id|file>', 'read the surveys with this set (default: the set whose criteria match the header best)')
    .option('--encoding <encoding>', 'encoding of the survey files when not UTF-8 (windows-1258, tcvn3)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (files: string[], opts: ValidateOptions) => {
      const lang = opts.lang as Lang;
      const { validateFiles } = await import('./run-validation.js');
      const checks = await validateFiles(files, { sets: opts.sets, set: opts.set, encoding: opts.encoding, lang });
      const errors = checks.reduce((n, c) => n + c.problems.filter((p) => p.severity === 'error').length, 0);
      if (opts.format === 'json') {
        out(
          JSON.stringify(
            {
              ok: errors === 0,
              files: checks.map((c) => ({ ...c, errors: count(c, 'error'), warnings: count(c, 'warning') })),
            },
            null,
            2,
          ) + '\n',
        );
      } else {
        for (const c of checks) {
          for (const p of c.problems) out(formatProblem(p, lang));
          out(`${validationSummary(lang, c.file, c.what, count(c, 'error'), count(c, 'warning'), c.set, c.units)}\n`);
        }
      }
      process.exitCode = errors ? EXIT.error : EXIT.ok;
    });
}

const count = (c: { problems: { severity: string }[] }, severity: string) =>
  c.problems.filter((p) => p.severity === severity).length;
