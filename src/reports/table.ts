import { Chalk } from 'chalk';
import type { Gap, UnitResult } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { displayWidth } from '../text/display-width.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { criterionHead, gapHead, gapLine, gapRows, levelOf } from './annex.js';
import { BlockWriter } from './block-writer.js';
import { BoxTable, fitColumns, type BoxCell, type ColumnSpec } from './box-table.js';
import { gapCells, missingCriteria, statusLabel } from './describe-gap.js';
import { fileSummaryLine, mostMissedLine, setLine, severalFiles, summaryLine, unitNames } from './labels.js';
import { formatNumber } from './format-values.js';
import type { RenderOptions } from './options.js';
import { bandLabel, progressSections, type SectionTable } from './progress-views.js';
import { withSpill, type Spill } from './spill.js';
import type { ReportSink, RunHead, RunStream } from './stream.js';
import { CriterionView, OwnerView } from './views.js';

type Colour = InstanceType<typeof Chalk>;

/** Lines a name may take before it is cut with …, and list entries shown before "+N more" (without --wide). */
const NAME_LINES = 2;
const LIST_ITEMS = 3;

interface Context {
  head: RunHead;
  lang: Lang;
  c: Colour;
  w: BlockWriter;
  width: number;
  wide: boolean;
}

/**
 * The terminal report: units, what each still misses, and a summary, fitted to the terminal's
 * width (names cut with …, lists cut to a few, unless --wide) and written row by row.
 */
export async function render(run: RunStream, opts: RenderOptions, out: ReportSink): Promise<void> {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const { lang } = opts;
  const x: Context = {
    head: run.head,
    lang,
    c,
    w: new BlockWriter(out),
    width: opts.width ?? 80,
    wide: Boolean(opts.wide),
  };
  await x.w.write(`${c.bold(terminalSafe(setLine(run.head, lang)))}\n`);
  await withSpill(async (spill) => {
    if (opts.by === 'criterion') await byCriterion(run, x, spill);
    else if (opts.by === 'owner') await byOwner(run, x, spill);
    else await byUnit(run, x, spill);
  });
  await x.w.write(summaryText(run, x));
  const tail = run.tail();
  for (const section of progressSections({ ...run.head, ...tail }, lang)) await x.w.write(sectionText(section, x));
  await x.w.flush();
}

const heading = (x: Context, texts: string[]): BoxCell[] => texts.map((text) => ({ text, paint: x.c.bold }));

/** A name cell: wrapped, and cut after a few lines unless --wide. */
const name = (x: Context, text: string): BoxCell => ({ text, lines: x.wide ? undefined : NAME_LINES });

/** A list cut to its first entries and "+N more", unless --wide. */
function list(x: Context, items: string[], total = items.length): string[] {
  if (x.wide || total <= LIST_ITEMS) return items;
  return [...items.slice(0, LIST_ITEMS), `+${total - LIST_ITEMS} ${t(x.lang, 'more')}`];
}

const widest = (texts: string[]) => Math.max(...texts.map(displayWidth));

/** The widest a status cell grows to show the level reached. */
const LEVEL_WIDTH = 32;
const levelLabels = (head: RunHead, lang: Lang) =>
  (head.levels ?? []).map((l) => `${t(lang, 'levelReached')}: ${l.id}`);

/** A column of short figures under a long heading: the heading whole when the terminal is wide. */
const headingWidth = (x: Context, heading: string, least: number) =>
  Math.min(displayWidth(heading), Math.max(least, Math.floor(x.width / 8)));

async function byUnit(run: RunStream, x: Context, spill: Spill): Promise<void> {
  const { head, lang, c } = x;
  const [unit, parent] = unitNames(lang, head);
  const multi = severalFiles(head);
  const statuses = (['meets', 'fails', 'incomplete'] as const).map((status) => statusLabel({ status }, lang));
  const metHead = `${t(lang, 'criteriaMet')} / ${head.set.criteria.length}`;
  const specs: ColumnSpec[] = [
    { width: Math.max(5, displayWidth(t(lang, 'tt'))) },
    { weight: 2, min: 8 },
    { weight: 2, min: 8 },
    ...(multi ? [{ weight: 2 }] : []),
    { width: headingWidth(x, metHead, 5) },
    // With several sets the status cell also says the level reached: as wide as that, up to a point.
    { width: Math.min(LEVEL_WIDTH, widest([...statuses, ...levelLabels(head, lang)])) },
    { weight: 6, min: 12 },
  ];
  const table = new BoxTable(fitColumns(specs, x.width));
  await x.w.write(
    table.top() +
      table.row(
        heading(x, [
          t(lang, 'tt'),
          unit,
          parent,
          ...(multi ? [t(lang, 'file')] : []),
          metHead,
          t(lang, 'status'),
          t(lang, 'missing'),
        ]),
        true,
      ),
  );
  // The owner follows each missing criterion when there is room for it (always with --wide).
  const owners = x.wide || table.width(specs.length - 1) >= 36;
  const detail = new DetailGaps(x, spill);
  let tt = 0;
  for await (const u of run.units) {
    const paint = u.status === 'meets' ? c.green : u.status === 'fails' ? c.red : c.yellow;
    const missing = missingCriteria(u, head.set).map((m) => {
      const why = m.kind === 'no-data' ? ` (${t(lang, 'noData')})` : '';
      return `${m.id}. ${m.name}${why}${m.owner && owners ? ` — ${m.owner}` : ''}`;
    });
    missing.push(...nextLevelMissing(u));
    const label = statusLabel(u, lang);
    const status = u.levels ? [label, `${t(lang, 'levelReached')}: ${levelOf(u)}`] : label;
    await x.w.write(
      table.row([
        { text: String(++tt) },
        name(x, u.name),
        name(x, u.parent),
        ...(multi ? [name(x, u.file)] : []),
        { text: `${u.met}/${u.total}` },
        { text: status, paint },
        // Each missing criterion on a line of its own, cut to one line unless --wide.
        { text: list(x, missing), linesEach: x.wide ? undefined : 1 },
      ]),
    );
    await detail.add(u);
  }
  await x.w.write(table.bottom());
  await detail.write();
}

/** What the next level asks of a unit that meets the first set: "set: 4. Điện", once per criterion. */
function nextLevelMissing(u: UnitResult): string[] {
  const next = u.levels?.next;
  if (!next?.gaps) return [];
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const g of next.gaps) {
    if (seen.has(g.criterion)) continue;
    seen.add(g.criterion);
    lines.push(`${next.set}: ${g.criterion}. ${g.name}`);
  }
  return lines;
}

/**
 * The indicators behind each criterion-level gap (the table above lists the criteria), kept in the
 * spill as the units come and drawn after the units' table.
 */
class DetailGaps {
  private count = 0;
  private unverified = false;
  private readonly multi: boolean;

  constructor(
    private readonly x: Context,
    private readonly spill: Spill,
  ) {
    this.multi = severalFiles(x.head);
  }

  async add(u: UnitResult): Promise<void> {
    for (const g of u.gaps) {
      if (!g.indicator) continue;
      this.unverified ||= g.verified === false;
      this.count++;
      const cells = gapCells(g, this.x.lang);
      await this.spill.writeJson('detail', [
        u.name,
        ...(this.multi ? [u.file] : []),
        cells.criterion,
        cells.indicator,
        cells.value,
        cells.required,
        cells.shortfall,
        cells.owner,
        g.kind,
      ]);
    }
  }

  async write(): Promise<void> {
    if (!this.count) return;
    const { x, multi } = this;
    const { lang, c } = x;
    const [unit] = unitNames(lang, x.head);
    // On a narrow terminal the criterion column goes: the indicator's number already names it.
    const criterion = x.wide || x.width >= 120;
    const figure: ColumnSpec = { weight: 3, min: 10 };
    const specs: ColumnSpec[] = [
      { weight: 2 },
      ...(multi ? [{ weight: 2 }] : []),
      ...(criterion ? [{ weight: 2 }] : []),
      { weight: 3 },
      figure,
      figure,
      figure,
      { weight: 2 },
    ];
    const table = new BoxTable(fitColumns(specs, x.width));
    const head = [
      unit,
      ...(multi ? [t(lang, 'file')] : []),
      ...(criterion ? [t(lang, 'criterion')] : []),
      t(lang, 'indicator'),
      t(lang, 'value'),
      t(lang, 'required'),
      t(lang, 'shortfall'),
      t(lang, 'owner'),
    ];
    await x.w.write(`${c.bold(t(lang, 'gaps'))}\n${table.top()}${table.row(heading(x, head), true)}`);
    const at = (multi ? 2 : 1) + (criterion ? 2 : 1);
    for await (const line of this.spill.records<string[]>('detail')) {
      const kind = line.pop() as Gap['kind'];
      if (!criterion) line.splice(multi ? 2 : 1, 1);
      // Figures are wrapped, never cut; names are cut after a few lines.
      const cells: BoxCell[] = line.map((text, i) => (i >= at && i < at + 3 ? { text } : name(x, text)));
      if (kind === 'no-data') cells[at]!.paint = c.yellow;
      await x.w.write(table.row(cells));
    }
    await x.w.write(table.bottom());
    if (this.unverified) await x.w.write(`* ${t(lang, 'unverified')}\n`);
  }
}

async function byCriterion(run: RunStream, x: Context, spill: Spill): Promise<void> {
  const { head, lang } = x;
  const view = new CriterionView(spill, head, lang);
  for await (const u of run.units) await view.add(u);
  const total = run.tail().summary.units;
  const titles = criterionHead(lang);
  const table = new BoxTable(
    fitColumns([{ weight: 3 }, { weight: 2 }, { width: headingWidth(x, titles[2]!, 9) }, { weight: 5 }], x.width),
  );
  await x.w.write(table.top() + table.row(heading(x, titles), true));
  for (const g of view.groups()) {
    const shown: string[] = [];
    for await (const label of g.which()) {
      if (!x.wide && shown.length === LIST_ITEMS) break;
      shown.push(label);
    }
    const which = { text: list(x, shown, g.count).join(', '), lines: x.wide ? undefined : NAME_LINES + 1 };
    await x.w.write(
      table.row([name(x, `${g.id}. ${g.name}`), name(x, g.owner), { text: `${g.count}/${total}` }, which]),
    );
  }
  await x.w.write(table.bottom());
}

async function byOwner(run: RunStream, x: Context, spill: Spill): Promise<void> {
  const { head, lang, c } = x;
  const view = new OwnerView<string[]>(spill);
  for await (const u of run.units)
    for (const r of gapRows(u, lang)) await view.add(r.gap, gapLine(head, r, { owner: false }));
  const titles = gapHead(head, lang, { owner: false });
  // The last three columns are figures (value, required, shortfall): wrapped, never cut.
  const figures = titles.length - 3;
  const table = new BoxTable(
    fitColumns(
      titles.map((_, i) => ({ weight: i === figures - 1 ? 3 : 2 })),
      x.width,
    ),
  );
  for (const g of view.groups()) {
    await x.w.write(
      `${c.bold(terminalSafe(`${g.owner} (${g.count})`))}\n${table.top()}${table.row(heading(x, titles), true)}`,
    );
    for await (const line of g.lines())
      await x.w.write(table.row(line.map((text, i) => (i >= figures ? { text } : name(x, text)))));
    await x.w.write(table.bottom());
  }
}

function summaryText(run: RunStream, x: Context): string {
  const { lang, c } = x;
  const s = { ...run.head, ...run.tail() };
  const lines = [c.bold(`${t(lang, 'summary')}: `) + summaryLine(s, lang)];
  if (severalFiles(s)) for (const f of s.files) lines.push(terminalSafe(`  ${fileSummaryLine(f, s, lang)}`));
  if (s.summary.mostMissed.length) lines.push(terminalSafe(`${t(lang, 'mostMissed')}: ${mostMissedLine(s)}`));
  const bands = s.summary.bands.map((b) => `${bandLabel(b, lang)}: ${b.units}`).join('; ');
  lines.push(`${t(lang, 'bandsTitle')}: ${bands}`);
  const shares = s.summary.criteriaMet.map((c) => `${c.criterion}: ${formatNumber(c.share, lang)} %`).join('; ');
  if (shares) lines.push(`${t(lang, 'shareTitle')}: ${shares}`);
  return `${lines.join('\n')}\n`;
}

/** A table of the progress, the plan's targets or the roll-ups: the first column wide, figures narrow. */
function sectionText(s: SectionTable, x: Context): string {
  const specs: ColumnSpec[] = s.head.map((_, i) => (i === 0 ? { weight: 3, min: 12 } : { weight: 1, min: 6 }));
  const table = new BoxTable(fitColumns(specs, x.width));
  const cells = (r: (string | number)[]) =>
    r.map((v) => (typeof v === 'number' ? { text: formatNumber(v, x.lang) } : name(x, v)));
  const rows = s.rows.map((r) => table.row(cells(r))).join('');
  const notes = s.notes.map((n) => `${terminalSafe(n)}\n`).join('');
  const head = table.row(heading(x, s.head), true);
  return `${x.c.bold(terminalSafe(s.title))}\n${table.top()}${head}${rows}${table.bottom()}${notes}`;
}
