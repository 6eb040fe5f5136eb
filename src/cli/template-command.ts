import type { Command } from 'commander';
import { extname } from 'node:path';
import { fail } from '../problems.js';
import type { Lang } from '../i18n/messages.js';
import { commonOptions, openSets, type CommonOptions } from './options.js';

interface TemplateOptions extends CommonOptions {
  set: string;
  year?: string;
  marks?: boolean;
  output?: string;
  force?: boolean;
}

const SHEET = ['Số liệu', 'Survey'] as const;
const WROTE = ['đã ghi biểu mẫu', 'wrote the template'] as const;
const EXAMPLE = `
Example:
  ntm template --set bac-kan-xa-2017 -o so-lieu-xa.xlsx
  (fill it in with Excel, then) ntm evaluate so-lieu-xa.xlsx --set bac-kan-xa-2017`;

export function registerTemplate(program: Command, out: (s: string) => void): void {
  commonOptions(
    program
      .command('template')
      .description('a blank survey sheet for a criteria set, to fill in and evaluate / biểu mẫu trống để điền số liệu')
      .requiredOption('--set <id|file>', 'the criteria set the sheet is for'),
  )
    .option('--year <year>', "year of year-dependent thresholds shown as required (default: the set's)")
    .option('--marks', 'one column per criterion, for Đạt / Không đạt (default: one per indicator, for values)')
    .option('-o, --output <file>', 'write FILE.xlsx (drop-down lists, checks, frozen header) or FILE.csv')
    .option('--force', 'replace an existing output file')
    .addHelpText('after', EXAMPLE)
    .action(async (opts: TemplateOptions) => {
      const lang = opts.lang as Lang;
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && !(Number.isInteger(year) && year > 1900 && year < 2100)) {
        fail('bad-year', { year: opts.year });
      }
      const format = opts.output ? extname(opts.output).toLowerCase() : '.csv';
      if (format !== '.xlsx' && format !== '.csv') {
        fail('template-format', { output: opts.output });
      }
      const { registry, setId } = await openSets(opts, opts.set);
      const set = registry.get(setId ?? opts.set);
      const [{ setContext }, { templateLayout }, { checkOutput, openOutput }, { reportDate }] = await Promise.all([
        import('../criteria/threshold.js'),
        import('../templates/layout.js'),
        import('./write-output.js'),
        import('../reports/options.js'),
      ]);
      const inputs = [opts.set];
      if (opts.output) checkOutput(opts.output, inputs, Boolean(opts.force));
      const layout = templateLayout(set, setContext(set, opts.region, year, opts.group), lang, {
        marks: Boolean(opts.marks),
      });
      let data: string | Buffer;
      if (format === '.xlsx') {
        const { templateWorkbook } = await import('../templates/xlsx-template.js');
        data = await templateWorkbook(layout, lang, SHEET[lang === 'vi' ? 0 : 1], reportDate());
      } else {
        const { templateCsv } = await import('../templates/csv-template.js');
        data = templateCsv(layout);
      }
      if (!opts.output) return out(data as string);
      const target = openOutput(opts.output, inputs, Boolean(opts.force));
      try {
        target.stream.write(data);
        await target.commit();
      } catch (e) {
        throw target.abort(e);
      }
      process.stderr.write(`ntm: ${WROTE[lang === 'vi' ? 0 : 1]} ${opts.output}\n`);
    });
}
