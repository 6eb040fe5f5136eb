import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import { fail } from '../problems.js';
import { t, type Lang } from '../i18n/messages.js';
import { FORMATS, formatFromPath } from '../reports/registry.js';
import { reportDate, type View } from '../reports/options.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { EXIT, formatProblem } from './exit.js';
import { commonOptions, openSets, type CommonOptions } from './options.js';

interface EvaluateOptions extends CommonOptions {
  set?: string;
  year?: string;
  format?: string;
  output?: string;
  force?: boolean;
  by: View;
  quiet?: boolean;
  villages?: string;
  encoding?: string;
  color: boolean;
  wide?: boolean;
}

/** The file extensions -o recognises, as the help and the error list them. */
const EXTENSIONS = Object.values(FORMATS).flatMap((f) => f.ext.map((e) => `.${e}`)).join(' ');

export function registerEvaluate(program: Command, out: (s: string) => void): void {
  commonOptions(
    program
      .command('evaluate')
      .description('which units meet the standard, and the gaps that remain / đơn vị nào đạt chuẩn và còn thiếu gì')
      .argument('<files...>', 'survey CSV files, one row per village or commune ("-" reads standard input)'),
  )
    .option('--set <id|file>', 'criteria set id or YAML file (default: the set whose criteria match the header best)')
    .option('--year <year>', 'year of year-dependent thresholds (default: the set\'s)')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(FORMATS)))
    .option('-o, --output <file>', `write the report to FILE (format from its extension: ${EXTENSIONS})`)
    .option('--force', 'replace an existing output file')
    .addOption(new Option('--by <view>', 'group the report by unit, criterion or owner department').choices(['unit', 'criterion', 'owner']).default('unit'))
    .option('-q, --quiet', 'print only the summary line (with -o, the report is still written)')
    .option('--villages <file>', 'village survey, to compute commune indicators that are shares of villages')
    .option('--encoding <encoding>', 'encoding of the survey files when not UTF-8 (windows-1258, tcvn3)')
    .option('--no-color', 'no colour in terminal output')
    .option('--wide', 'terminal table: every name and every missing criterion in full, not cut to fit')
    .addHelpText('after', '\nExit codes: 0 every unit meets the standard, 1 some do not, 2 bad input or usage.')
    .action(async (files: string[], opts: EvaluateOptions) => {
      const lang = opts.lang as Lang;
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && !(Number.isInteger(year) && year > 1900 && year < 2100)) {
        fail({ kind: 'bad-year', params: { year: opts.year }, message: `--year ${opts.year} is not a year`, hint: 'Give a year such as 2024.' });
      }
      if (files.filter((f) => f === '-').length > 1) fail({ kind: 'usage', params: { case: 'stdin-twice' }, message: 'standard input ("-") can be read only once' });
      const format = opts.format ?? (opts.output ? formatFromPath(opts.output) : 'table');
      if (!format) {
        const formats = Object.keys(FORMATS).join(', ');
        fail({ kind: 'usage', params: { case: 'unknown-format', output: opts.output, formats, extensions: EXTENSIONS }, message: `cannot tell the report format from "${opts.output}"`, hint: `Name the file ${EXTENSIONS}, or add --format (${formats}).` });
      }
      if (FORMATS[format]!.binary && !opts.output && process.stdout.isTTY) {
        fail({ kind: 'usage', params: { case: 'binary-terminal', format, ext: FORMATS[format]!.ext[0] }, message: `the ${format} report is a binary file and would garble the terminal`, hint: `Add -o report.${FORMATS[format]!.ext[0]}, or redirect standard output.` });
      }
      const { registry, setId } = await openSets(opts, opts.set);
      // The reader, engine and reports load only when a command needs them: start-up stays fast.
      const [{ runEvaluation }, { checkOutput, streamOutput }, { summaryLine }] = await Promise.all([import('./run-evaluation.js'), import('./write-output.js'), import('../reports/labels.js')]);
      const inputs = [...files, ...(opts.villages ? [opts.villages] : []), ...(opts.set ? [opts.set] : [])];
      if (opts.output) checkOutput(opts.output, inputs, Boolean(opts.force));
      const ev = await runEvaluation({
        files,
        registry,
        setId,
        region: opts.region,
        year,
        villages: opts.villages,
        encoding: opts.encoding,
        // --quiet without -o needs only the summary, so the units need not be kept.
        summaryOnly: Boolean(opts.quiet) && !opts.output,
        lang,
        onNotice: (m) => process.stderr.write(`${terminalSafe(m)}\n`),
      });
      for (const w of ev.warnings) process.stderr.write(formatProblem(w, lang));

      if (opts.output || !opts.quiet) {
        const color = opts.color && !opts.output && process.stdout.isTTY === true && !('NO_COLOR' in process.env);
        const adapt = import('../reports/adapt.js');
        const [render, { streamOf }, { sinkFor }] = await Promise.all([FORMATS[format]!.load(), adapt, import('../reports/stream.js')]);
        // The table fits the terminal it is shown on; a file or a pipe gets COLUMNS, or 80.
        const columns = (!opts.output && process.stdout.columns) || Number(process.env.COLUMNS) || 80;
        const renderOpts = { lang, by: opts.by, color, date: reportDate(), wide: Boolean(opts.wide), width: columns };
        if (opts.output) {
          const write = (file: Writable) => render(streamOf(ev), renderOpts, sinkFor(file));
          await streamOutput(opts.output, inputs, Boolean(opts.force), write);
          if (!opts.quiet) process.stderr.write(`ntm: ${t(lang, 'wrote')} ${terminalSafe(opts.output)}\n`);
        } else await render(streamOf(ev), renderOpts, sinkFor(process.stdout));
      }
      if (opts.quiet) out(`${summaryLine(ev, lang)}\n`);
      process.exitCode = ev.summary.meeting === ev.summary.units ? EXIT.ok : EXIT.unmet;
    });
}
