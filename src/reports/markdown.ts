import { t, type Lang } from '../i18n/messages.js';
import { annexHead, annexLine, criterionHead, gapHead, gapLine, gapRows } from './annex.js';
import { BlockWriter } from './block-writer.js';
import { fileSummaryLine, mostMissedLine, setLine, severalFiles, summaryFigures } from './labels.js';
import { formatNumber } from './format-values.js';
import type { RenderOptions } from './options.js';
import { officialSummary, progressSections, type SectionTable } from './progress-views.js';
import { withSpill, type Spill } from './spill.js';
import type { ReportSink, RunStream } from './stream.js';
import { CriterionView, OwnerView } from './views.js';

/** The annex as a Markdown table, then the gaps (or the chosen view), then the summary. */
export async function render(run: RunStream, opts: RenderOptions, out: ReportSink): Promise<void> {
  const { lang } = opts;
  const w = new BlockWriter(out);
  await lines(w, [
    `# ${t(lang, 'reportTitle')}`,
    '',
    `${text(setLine(run.head, lang))}  `,
    `${t(lang, 'date')}: ${opts.date}`,
    '',
  ]);
  await withSpill(async (spill) => {
    if (opts.by === 'criterion') await byCriterion(run, lang, w, spill);
    else if (opts.by === 'owner') await byOwner(run, lang, w, spill);
    else await annexAndGaps(run, lang, w, spill);
  });
  await summary(run, lang, w);
  const all = { ...run.head, ...run.tail() };
  for (const section of officialSummary(all, lang))
    await lines(w, sectionLines(section, lang, `**${text(section.title)}**`));
  for (const section of progressSections(all, lang))
    await lines(w, sectionLines(section, lang, `## ${text(section.title)}`));
  await w.flush();
}

/** Cell text that cannot break the table or turn into markup: pipes, newlines, HTML, leading markers. */
export function text(s: string): string {
  // Most cells hold none of these: they are returned without five passes of replacing.
  if (!MARKUP.test(s)) return s;
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/[*_`[\]]/g, (m) => `\\${m}`)
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

const MARKUP = /[\\|<*_`[\]\r\n]/;

async function lines(w: BlockWriter, ls: string[]): Promise<void> {
  for (const l of ls) await w.write(`${l}\n`);
}

/** A section table under its title, numbers written as the report's language writes them; its notes below. */
function sectionLines(s: SectionTable, lang: Lang, title: string): string[] {
  const rows = s.rows.map((r) => row(r.map((c) => (typeof c === 'number' ? formatNumber(c, lang) : c))).trimEnd());
  const notes = s.notes.length ? ['', ...s.notes.map((n) => `- ${text(n)}`)] : [];
  return ['', title, '', tableHead(s.head).trimEnd(), ...rows, ...notes];
}

const row = (cells: (string | number)[]) => `| ${cells.map((c) => text(String(c))).join(' | ')} |\n`;
const tableHead = (head: string[]) => row(head) + `|${head.map(() => '---|').join('')}\n`;

/** The annex, unit by unit; the gap rows wait in the spill until the annex is complete. */
async function annexAndGaps(run: RunStream, lang: Lang, w: BlockWriter, spill: Spill): Promise<void> {
  const { head } = run;
  const annex = annexHead(head, lang);
  await lines(w, [`## ${t(lang, 'annex')}`, '']);
  await w.write(tableHead(annex.head) + row(annex.numbering));
  let tt = 0;
  let gapNo = 0;
  let unverified = false;
  for await (const u of run.units) {
    await w.write(row(annexLine(head, ++tt, u)));
    for (const r of gapRows(u, lang)) {
      unverified ||= r.gap.verified === false;
      await spill.write('gaps', row([++gapNo, ...gapLine(head, r)]));
    }
  }
  await lines(w, ['', t(lang, 'legend'), '', `## ${t(lang, 'gaps')}`, '']);
  if (!gapNo) return lines(w, [t(lang, 'noGaps'), '']);
  await w.write(tableHead([t(lang, 'tt'), ...gapHead(head, lang)]));
  for await (const chunk of spill.chunks('gaps')) await w.write(chunk);
  await w.write('\n');
  if (unverified) await lines(w, [`\\* ${t(lang, 'unverified')}`, '']);
}

async function byCriterion(run: RunStream, lang: Lang, w: BlockWriter, spill: Spill): Promise<void> {
  const view = new CriterionView(spill, run.head, lang);
  for await (const u of run.units) await view.add(u);
  await lines(w, [`## ${t(lang, 'byCriterion')}`, '']);
  const total = run.tail().summary.units;
  let any = false;
  for (const g of view.groups()) {
    if (!any) await w.write(tableHead(criterionHead(lang)));
    any = true;
    await w.write(`| ${[`${g.id}. ${g.name}`, g.owner, `${g.count}/${total}`].map(text).join(' | ')} | `);
    // The list of units is written as it is read back: at national scale it is long.
    let first = true;
    for await (const label of g.which()) {
      await w.write((first ? '' : '; ') + text(label));
      first = false;
    }
    await w.write(' |\n');
  }
  await lines(w, any ? [''] : [t(lang, 'noGaps'), '']);
}

async function byOwner(run: RunStream, lang: Lang, w: BlockWriter, spill: Spill): Promise<void> {
  const { head } = run;
  const view = new OwnerView<string>(spill);
  for await (const u of run.units)
    for (const r of gapRows(u, lang)) await view.add(r.gap, row(gapLine(head, r, { owner: false })));
  await lines(w, [`## ${t(lang, 'byOwner')}`, '']);
  const groups = view.groups();
  if (!groups.length) return lines(w, [t(lang, 'noGaps'), '']);
  for (const g of groups) {
    await lines(w, [`### ${text(g.owner)} (${g.count})`, '']);
    await w.write(tableHead(gapHead(head, lang, { owner: false })));
    for await (const l of g.lines()) await w.write(l);
    await w.write('\n');
  }
}

async function summary(run: RunStream, lang: Lang, w: BlockWriter): Promise<void> {
  const s = { ...run.head, ...run.tail() };
  const out = [`## ${t(lang, 'summary')}`, '', ...summaryFigures(s, lang).map(([k, v]) => `- ${k}: ${v}`)];
  if (s.summary.mostMissed.length) out.push(`- ${t(lang, 'mostMissed')}: ${text(mostMissedLine(s))}`);
  if (severalFiles(run.head))
    out.push('', `### ${t(lang, 'byFile')}`, '', ...s.files.map((f) => `- ${text(fileSummaryLine(f, s, lang))}`));
  await lines(w, out);
}
