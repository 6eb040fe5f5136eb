import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Evaluation } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { criterionHead, criterionLines, gapHead, gapLine, gapRows } from './annex.js';
import { gapCells, missingCriteria, statusLabel } from './describe-gap.js';
import { fileSummaryLine, mostMissedLine, setLine, severalFiles, summaryLine, unitNames } from './labels.js';
import type { RenderOptions } from './options.js';
import { terminalSafe as plain } from '../text/terminal-safe.js';
import { groupByOwner } from './views.js';

/** The terminal report: units, what each still misses, and a summary. */
export function render(ev: Evaluation, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const { lang } = opts;
  const out: string[] = [];
  out.push(c.bold(plain(setLine(ev, lang))));
  if (opts.by === 'criterion') out.push(byCriterion(ev, lang, c));
  else if (opts.by === 'owner') out.push(byOwner(ev, lang, c));
  else out.push(byUnit(ev, lang, c));
  out.push(summaryText(ev, lang, c));
  return out.join('\n') + '\n';
}

type Colour = InstanceType<typeof Chalk>;

function table(head: string[], c: Colour) {
  return new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [] }, wordWrap: true });
}

/** Adds a row of survey text; `colour` paints one cell (after the text is made plain). */
function push(tb: ReturnType<typeof table>, row: (string | number)[], colour?: { at: number; paint: (s: string) => string }) {
  const cells = row.map((s) => plain(String(s)));
  if (colour) cells[colour.at] = colour.paint(cells[colour.at]!);
  tb.push(cells);
}

function byUnit(ev: Evaluation, lang: Lang, c: Colour): string {
  const [name, parent] = unitNames(lang, ev);
  const multi = severalFiles(ev);
  const units = table([t(lang, 'tt'), name, parent, ...(multi ? [t(lang, 'file')] : []), `${t(lang, 'criteriaMet')} / ${ev.set.criteria.length}`, t(lang, 'status'), t(lang, 'missing')], c);
  ev.units.forEach((u, i) => {
    const colour = u.status === 'meets' ? c.green : u.status === 'fails' ? c.red : c.yellow;
    const missing = missingCriteria(u, ev.set).map((m) => `${m.id}. ${m.name}${m.kind === 'no-data' ? ` (${t(lang, 'noData')})` : ''}${m.owner ? ` — ${m.owner}` : ''}`);
    push(units, [String(i + 1), u.name, u.parent, ...(multi ? [u.file] : []), `${u.met}/${u.total}`, statusLabel(u, lang), missing.join('\n')], { at: multi ? 5 : 4, paint: colour });
  });
  const parts = [units.toString()];
  // Criterion-level gaps are in the table above; the indicators behind them are listed here.
  const detailed = ev.units.flatMap((u) => u.gaps.filter((g) => g.indicator).map((g) => ({ u, g })));
  if (detailed.length) {
    const gaps = table([name, ...(multi ? [t(lang, 'file')] : []), t(lang, 'criterion'), t(lang, 'indicator'), t(lang, 'value'), t(lang, 'required'), t(lang, 'shortfall'), t(lang, 'owner')], c);
    for (const { u, g } of detailed) {
      const cells = gapCells(g, lang);
      push(gaps, [u.name, ...(multi ? [u.file] : []), cells.criterion, cells.indicator, cells.value, cells.required, cells.shortfall, cells.owner], g.kind === 'no-data' ? { at: multi ? 4 : 3, paint: c.yellow } : undefined);
    }
    parts.push(c.bold(t(lang, 'gaps')), gaps.toString());
    if (detailed.some(({ g }) => g.verified === false)) parts.push(`* ${t(lang, 'unverified')}`);
  }
  return parts.join('\n');
}

function byCriterion(ev: Evaluation, lang: Lang, c: Colour): string {
  const tb = table(criterionHead(lang), c);
  for (const line of criterionLines(ev, lang, { sep: ', ' })) push(tb, line);
  return tb.toString();
}

function byOwner(ev: Evaluation, lang: Lang, c: Colour): string {
  const parts: string[] = [];
  for (const group of groupByOwner(gapRows(ev, lang))) {
    parts.push(c.bold(plain(`${group.owner} (${group.gaps.length})`)));
    const tb = table(gapHead(ev, lang, { owner: false }), c);
    for (const r of group.gaps) push(tb, gapLine(ev, r, { owner: false }));
    parts.push(tb.toString());
  }
  return parts.join('\n');
}

function summaryText(ev: Evaluation, lang: Lang, c: Colour): string {
  const lines = [c.bold(`${t(lang, 'summary')}: `) + summaryLine(ev, lang)];
  if (severalFiles(ev)) for (const f of ev.files) lines.push(plain(`  ${fileSummaryLine(f, ev, lang)}`));
  if (ev.summary.mostMissed.length) lines.push(`${t(lang, 'mostMissed')}: ${plain(mostMissedLine(ev))}`);
  return lines.join('\n');
}
