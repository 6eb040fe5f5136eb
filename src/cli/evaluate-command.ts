import { Option, type Command } from 'commander';
import { fail, problem, type Problem } from '../problems.js';
import { leftOut } from '../pipeline/warning-log.js';
import { t, type Lang } from '../i18n/messages.js';
import { FORMATS, formatFromPath } from '../reports/registry.js';
import { reportDate, type View } from '../reports/options.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { EXIT, formatProblem } from './exit.js';
import type { Registry } from '../criteria/registry.js';
import { commonOptions, openSets, openSetsById, type CommonOptions } from './options.js';

interface EvaluateOptions extends CommonOptions {
  set?: string;
  year?: string;
  format?: string;
  output?: string;
  force?: boolean;
  by: View | 'parent';
  quiet?: boolean;
  villages?: string;
  encoding?: string;
  percentAsIs?: boolean;
  sheet?: string;
  color: boolean;
  wide?: boolean;
  baseline?: string;
  targets?: string;
  aliases?: string;
  matchNear?: boolean;
}

/** The file extensions -o recognises, as the help and the error list them. */
const EXTENSIONS = Object.values(FORMATS)
  .flatMap((f) => f.ext.map((e) => `.${e}`))
  .join(' ');

export function registerEvaluate(program: Command, out: (s: string) => void): void {
  commonOptions(
    program
      .command('evaluate')
      .description('which units meet the standard, and the gaps that remain')
      .argument('<files...>', 'survey files (CSV or .xlsx), one row per village or commune ("-" reads standard input)'),
  )
    .option(
      '--set <id|file>',
      'criteria set id or YAML file (default: the set whose criteria match the header best); ' +
        'A,B,… judges each unit against each set in order (NTM, advanced, model) and reports the level reached',
    )
    .option('--year <year>', "year of year-dependent thresholds (default: the set's)")
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(FORMATS)))
    .option('-o, --output <file>', `write the report to FILE (format from its extension: ${EXTENSIONS})`)
    .option('--force', 'replace an existing output file')
    .addOption(
      new Option('--by <view>', 'group the report by unit, criterion, owner department, or parent (roll-up)')
        .choices(['unit', 'criterion', 'owner', 'parent'])
        .default('unit'),
    )
    .option(
      '-q, --quiet',
      'print only the summary (JSON with --format json), warnings counted, not printed; -o still writes',
    )
    .option('--villages <file>', 'village survey, to compute commune indicators that are shares of villages')
    .option('--sheet <name|n>', 'the sheet of an .xlsx to read, by name or number (default: the one whose header fits)')
    .option('--encoding <encoding>', 'encoding of the survey files when not UTF-8 (windows-1258, tcvn3)')
    .option('--percent-as-is', 'read percentages as written, never a column of values within 0–1 as fractions')
    .option('--baseline <file>', "last year's survey: what each unit gained and lost, units new and gone")
    .option('--targets <file>', "the plan's targets (YAML): each judged; the exit code then says whether all are met")
    .option('--match-near', "match units one letter or one tone mark apart (same parent) with the baseline's")
    .option('--aliases <file>', 'pairs of names (CSV: the name in the survey, the name in the baseline)')
    .option('--no-color', 'no colour in terminal output')
    .option('--wide', 'terminal table: every name and every missing criterion in full, not cut to fit')
    .action(async (files: string[], opts: EvaluateOptions) => evaluate(files, opts, out));
}

async function evaluate(files: string[], opts: EvaluateOptions, out: (s: string) => void): Promise<void> {
  const lang = opts.lang as Lang;
  const quiet = Boolean(opts.quiet);
  const force = Boolean(opts.force);
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !(Number.isInteger(year) && year > 1900 && year < 2100)) {
    fail('bad-year', { year: opts.year });
  }
  if (files.filter((f) => f === '-').length > 1) {
    fail('usage', { case: 'stdin-twice' });
  }
  // A large first file is split on a worker thread: it starts now, while the sets load. (Loaded
  // here: the other commands never read ahead.)
  if (files[0] !== undefined) (await import('../data/open-csv.js')).readAhead(files[0], opts.encoding);
  const { registry, setId, levels } = await openLevelSets(opts, files);
  // The reader, engine and reports load only when a command needs them: start-up stays fast.
  const [{ openRun }, { checkOutput, openOutput }, { summaryLine }, { sinkFor }, { tailFields }, { progressJson }] =
    await Promise.all([
      import('../pipeline/run.js'),
      import('./write-output.js'),
      import('../reports/labels.js'),
      import('../reports/stream.js'),
      import('../reports/json.js'),
      import('../reports/progress-json.js'),
    ]);
  // A report is never written over a file the run reads.
  const extra = [opts.villages, opts.set, opts.baseline, opts.targets, opts.aliases].filter((f) => f !== undefined);
  const inputs = [...files, ...extra, ...registry.files()];
  if (opts.output !== undefined) checkOutput(opts.output, inputs, force);
  const format = opts.format ?? (opts.output ? formatFromPath(opts.output) : 'table');
  if (!format) {
    const formats = Object.keys(FORMATS).join(', ');
    fail('usage', { case: 'unknown-format', output: opts.output, formats, extensions: EXTENSIONS });
  }
  const { binary, ext } = FORMATS[format]!;
  if (binary && !opts.output && process.stdout.isTTY && !quiet) {
    fail('usage', { case: 'binary-terminal', format, ext: ext[0] });
  }
  const report = opts.output !== undefined || !quiet;
  const { prepareProgress } = await import('../pipeline/progress.js');
  const { baseline, targets, aliases } = opts;
  const progress = await prepareProgress(
    { baseline, targets, aliases, matchNear: Boolean(opts.matchNear), byParent: opts.by === 'parent' },
    { registry, setId, region: opts.region, year, group: opts.group, encoding: opts.encoding, lang },
  );
  const opened = await openRun({
    files,
    registry,
    setId,
    region: opts.region,
    year,
    group: opts.group,
    villages: opts.villages,
    encoding: opts.encoding,
    percentAsIs: Boolean(opts.percentAsIs),
    sheet: opts.sheet,
    // --quiet without -o needs only the summary: the units need no gaps.
    gaps: report,
    levels,
    keep: progress?.indicatorIds,
    lang,
    // Which set ntm chose is said even with --quiet: a verdict under the wrong set is wrong.
    onNotice: (m) => process.stderr.write(`${terminalSafe(m)}\n`),
  });
  const run = progress ? progress.observe(opened) : opened;

  if (report) {
    const color = opts.color && !opts.output && process.stdout.isTTY === true && !('NO_COLOR' in process.env);
    const render = await FORMATS[format]!.load();
    const target = opts.output === undefined ? undefined : openOutput(opts.output, inputs, force);
    try {
      // The table fits the terminal it is shown on; a file or a pipe gets COLUMNS, or 80.
      const width = (!opts.output && process.stdout.columns) || Number(process.env.COLUMNS) || 80;
      // The roll-up is a section every report adds; the units are listed as by default.
      const by = opts.by === 'parent' ? 'unit' : opts.by;
      const renderOpts = { lang, by, color, date: reportDate(), wide: Boolean(opts.wide), width };
      await render(run, renderOpts, sinkFor(target?.stream ?? process.stdout));
      await target?.commit();
    } catch (e) {
      // A report that could not be written (a full disk) says so, as bad input does.
      throw target ? target.abort(e) : e;
    }
  } else {
    // Only the summary is wanted: the units are counted as they pass.
    for await (const _ of run.units);
  }

  const tail = run.tail();
  const counts = tail.warningCounts ?? {};
  const warnings = Object.values(counts).reduce((a, n) => a + n!, 0);
  if (!quiet) {
    for (const w of tail.warnings) process.stderr.write(formatProblem(w, lang));
    for (const { kind, more } of leftOut(counts)) process.stderr.write(formatProblem(moreLikeThis(kind, more), lang));
  }
  for (const e of tail.errors ?? []) process.stderr.write(formatProblem(e, lang));
  // The last line, after the warnings: where the report is.
  if (opts.output !== undefined && !quiet)
    process.stderr.write(`ntm: ${t(lang, 'wrote')} ${terminalSafe(opts.output)}\n`);
  if (quiet) {
    // Asked for JSON, the summary comes as JSON (the jsonl summary line); -o alone does not ask.
    if (opts.format === 'json' || opts.format === 'jsonl') {
      const { summary, files: perFile, warningCounts, errors } = tailFields(tail);
      const errorCount = errors ? { errors: errors.length } : {};
      const quietSummary = { summary, files: perFile, warnings, warningCounts, ...errorCount, ...progressJson(tail) };
      out(`${JSON.stringify(quietSummary, null, opts.format === 'json' ? 2 : undefined)}\n`);
    } else {
      const line = summaryLine({ set: run.head.set, summary: tail.summary }, lang);
      out(`${line}${warnings ? `; ${t(lang, 'warningsCount')}: ${warnings}` : ''}\n`);
    }
  }
  const { summary } = tail;
  // With --targets, the exit code says whether the plan is met, not whether every unit is.
  const allMet = tail.targets ? tail.targets.results.every((r) => r.met) : summary.meeting === summary.units;
  process.exitCode = tail.errors?.length ? EXIT.error : allMet ? EXIT.ok : EXIT.unmet;
}

/**
 * The sets of the run: one (--set ID|FILE, or chosen by the header), or several in order (--set
 * A,B,…: each unit judged against each, its highest level reported); the first is the run's set.
 */
async function openLevelSets(
  opts: EvaluateOptions,
  files: string[],
): Promise<{ registry: Registry; setId?: string; levels?: string[] }> {
  const refs = opts.set?.split(',').map((r) => r.trim()) ?? [];
  if (refs.length < 2) return openSets(opts, opts.set);
  if (files.includes('-')) {
    fail('usage', { case: 'levels-stdin' });
  }
  const { registry, ids } = await openSetsById(opts, refs);
  for (const id of ids) registry.get(id);
  return { registry, setId: ids[0], levels: ids.slice(1) };
}

/** The line that stands for the warnings of one kind left out. */
function moreLikeThis(kind: Problem['kind'], more: number): Problem {
  return problem('more-warnings', { more, of: kind }, { severity: 'warning' });
}
