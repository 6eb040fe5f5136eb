import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Evaluation } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { gapCells, missingCriteria, statusLabel } from './describe-gap.js';
import { formatNumber } from './format-values.js';
import type { RenderOptions } from './options.js';
import { groupByCriterion, groupByOwner } from './views.js';

/** The terminal report: units, what each still misses, and a summary. */
export function render(ev: Evaluation, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const { lang } = opts;
  const out: string[] = [];
  out.push(c.bold(`${t(lang, 'set')}: ${ev.set.id} — ${ev.set.name} (${ev.set.document}, ${ev.set.date})${ev.region ? `; ${t(lang, 'region')} ${ev.region}` : ''}${ev.year ? `; ${t(lang, 'year')} ${ev.year}` : ''}`));
  if (opts.by === 'criterion') out.push(byCriterion(ev, lang, c));
  else if (opts.by === 'owner') out.push(byOwner(ev, lang, c));
  else out.push(byUnit(ev, lang, c));
  out.push(summaryText(ev, lang, c));
  return out.join('\n') + '\n';
}

const level = (ev: Evaluation) => (ev.units.length && ev.set.criteria.length ? ev.set.criteria.length : 0);

function table(head: string[], c: InstanceType<typeof Chalk>) {
  return new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [] }, wordWrap: true });
}

function unitNames(lang: Lang, ev: Evaluation): [string, string] {
  const lv = ev.set.level;
  return lv === 'thon' ? [t(lang, 'village'), t(lang, 'commune')] : lv === 'xa' ? [t(lang, 'commune'), t(lang, 'district')] : [t(lang, 'district'), t(lang, 'unit')];
}

function byUnit(ev: Evaluation, lang: Lang, c: InstanceType<typeof Chalk>): string {
  const [name, parent] = unitNames(lang, ev);
  const multi = ev.files.length > 1;
  const units = table([t(lang, 'tt'), name, parent, ...(multi ? [t(lang, 'file')] : []), `${t(lang, 'criteriaMet')} / ${level(ev)}`, t(lang, 'status'), t(lang, 'missing')], c);
  ev.units.forEach((u, i) => {
    const colour = u.status === 'meets' ? c.green : u.status === 'fails' ? c.red : c.yellow;
    const missing = missingCriteria(u, ev.set).map((m) => `${m.id}. ${m.name}${m.kind === 'no-data' ? ` (${t(lang, 'noData')})` : ''}${m.owner ? ` — ${m.owner}` : ''}`);
    units.push([String(i + 1), u.name, u.parent, ...(multi ? [u.file] : []), `${u.met}/${u.total}`, colour(statusLabel(u, lang)), missing.join('\n')]);
  });
  const parts = [units.toString()];
  const detailed = ev.units.flatMap((u) => u.gaps.filter((g) => g.indicator).map((g) => ({ u, g })));
  if (detailed.length) {
    const gaps = table([name, t(lang, 'criterion'), t(lang, 'indicator'), t(lang, 'value'), t(lang, 'required'), t(lang, 'shortfall'), t(lang, 'owner')], c);
    for (const { u, g } of detailed) {
      const cells = gapCells(g, lang);
      gaps.push([u.name, cells.criterion, cells.indicator, g.kind === 'no-data' ? c.yellow(cells.value) : cells.value, cells.required, cells.shortfall, cells.owner]);
    }
    parts.push(c.bold(t(lang, 'gaps')), gaps.toString());
    if (detailed.some(({ g }) => g.verified === false)) parts.push(`* ${t(lang, 'unverified')}`);
  }
  return parts.join('\n');
}

function byCriterion(ev: Evaluation, lang: Lang, c: InstanceType<typeof Chalk>): string {
  const tb = table([t(lang, 'criterion'), t(lang, 'owner'), t(lang, 'unitsMissing'), t(lang, 'which')], c);
  for (const row of groupByCriterion(ev)) {
    tb.push([`${row.id}. ${row.name}`, row.owner ?? '', `${row.units.length}/${ev.units.length}`, row.units.map((u) => u.name + (u.parent ? ` (${u.parent})` : '')).join(', ')]);
  }
  return tb.toString();
}

function byOwner(ev: Evaluation, lang: Lang, c: InstanceType<typeof Chalk>): string {
  const parts: string[] = [];
  for (const group of groupByOwner(ev)) {
    parts.push(c.bold(`${group.owner} (${group.gaps.length})`));
    const tb = table([unitNames(lang, ev)[0], t(lang, 'criterion'), t(lang, 'indicator'), t(lang, 'value'), t(lang, 'required'), t(lang, 'shortfall')], c);
    for (const { unit, gap } of group.gaps) {
      const cells = gapCells(gap, lang);
      tb.push([unit.name, cells.criterion, cells.indicator, cells.value, cells.required, cells.shortfall]);
    }
    parts.push(tb.toString());
  }
  return parts.join('\n');
}

export function summaryLine(ev: Evaluation, lang: Lang): string {
  const s = ev.summary;
  return `${t(lang, 'unitsEvaluated')}: ${s.units}; ${t(lang, 'unitsMeeting')}: ${s.meeting}; ${t(lang, 'averageMet')}: ${formatNumber(s.averageMet, lang)}/${ev.set.criteria.length}${s.incomplete ? `; ${t(lang, 'statusIncomplete')}: ${s.incomplete}` : ''}`;
}

function summaryText(ev: Evaluation, lang: Lang, c: InstanceType<typeof Chalk>): string {
  const lines = [c.bold(`${t(lang, 'summary')}: `) + summaryLine(ev, lang)];
  if (ev.files.length > 1) {
    for (const f of ev.files) lines.push(`  ${f.file}: ${f.summary.units} ${t(lang, 'units')}, ${f.summary.meeting} ${t(lang, 'statusMeets').toLowerCase()}, ${formatNumber(f.summary.averageMet, lang)}/${ev.set.criteria.length}`);
  }
  const top = ev.summary.mostMissed.slice(0, 5);
  if (top.length) lines.push(`${t(lang, 'mostMissed')}: ${top.map((m) => `${m.criterion}. ${m.name} (${m.units})`).join('; ')}`);
  return lines.join('\n');
}
