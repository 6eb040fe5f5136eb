import { createRequire } from 'node:module';
import type CliTable from 'cli-table3';
import type { Requirement, SetChange, SetDiff } from '../criteria/diff-sets.js';
import { t, type Lang, type MessageId } from '../i18n/messages.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { formatRequirement } from './format-values.js';
import { text as markdownCell } from './markdown.js';

// cli-table3 is loaded when a diff is drawn, not by every command that can draw one.
const loadTable = (): typeof CliTable => createRequire(import.meta.url)('cli-table3') as typeof CliTable;

export const DIFF_FORMATS = ['table', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** `ntm sets diff` as a terminal table, a Markdown table to paste into a report, or JSON for scripts. */
export function renderSetDiff(diff: SetDiff, format: DiffFormat, lang: Lang, width = 120): string {
  if (format === 'json') return `${JSON.stringify({ ...diff, counts: counts(diff) }, null, 2)}\n`;
  const head = [
    t(lang, 'change'),
    t(lang, 'idShort'),
    t(lang, 'name'),
    t(lang, 'where'),
    t(lang, 'before'),
    t(lang, 'after'),
  ];
  const rows = diff.changes.map((c) => row(c, lang));
  const title = `${ref(diff.from)} → ${ref(diff.to)}`;
  const tally = countLine(diff, lang);
  if (format === 'markdown') {
    const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
    const table = rows.length ? [line(head), `|${head.map(() => '---|').join('')}`, ...rows.map(line), ''] : [];
    return [`# ${t(lang, 'diffTitle')}`, '', markdownCell(title), '', ...table, markdownCell(tally), ''].join('\n');
  }
  const out = [terminalSafe(title)];
  if (rows.length) {
    const Table = loadTable();
    const table = new Table({
      head,
      style: { head: [], border: [] },
      wordWrap: true,
      colWidths: columnWidths([head, ...rows], width),
    });
    for (const r of rows) table.push(r.map(terminalSafe));
    out.push(table.toString());
  }
  out.push(terminalSafe(tally));
  return `${out.join('\n')}\n`;
}

/**
 * The label, id and region columns as wide as their widest cell; the rest of the width shared by
 * name, before and after, so that long Vietnamese names wrap instead of running off the screen.
 */
function columnWidths(rows: string[][], width: number): number[] {
  const widest = (i: number) =>
    Math.max(...rows.map((r) => Math.max(...r[i]!.split(' ').map((w) => w.length), i === 0 ? r[i]!.length : 0))) + 2;
  const fixed = [widest(0), widest(1), widest(3)];
  const free = Math.max(width - fixed.reduce((a, b) => a + b, 0) - 7, 45);
  const name = Math.floor(free * 0.36);
  const before = Math.floor((free - name) / 2);
  return [fixed[0]!, fixed[1]!, name, fixed[2]!, before, free - name - before];
}

const ref = (s: SetDiff['from']) => `${s.id} (${s.document}, ${s.date})`;

const LABELS: Record<SetChange['change'], MessageId> = {
  'criterion-added': 'criterionAdded',
  'criterion-removed': 'criterionRemoved',
  'criterion-renamed': 'criterionRenamed',
  'indicator-added': 'indicatorAdded',
  'indicator-removed': 'indicatorRemoved',
  'indicator-renamed': 'indicatorRenamed',
  'indicator-redefined': 'indicatorRedefined',
  'threshold-changed': 'thresholdChanged',
};

function row(c: SetChange, lang: Lang): string[] {
  const renamed = c.change === 'criterion-renamed' || c.change === 'indicator-renamed';
  const [from, to] = c.fields
    ? (['from', 'to'] as const).map((k) => fieldsText(c.fields!, k))
    : [side(c.from, lang), side(c.to, lang)];
  const label = c.spelling ? `${t(lang, LABELS[c.change])} (${t(lang, 'spellingOnly')})` : t(lang, LABELS[c.change]);
  return [label, c.indicator ?? c.criterion, renamed ? '' : c.name, c.where ?? '', from!, to!];
}

/** "type: pass; comparison: ==" — the YAML's own words, as a set's author writes them. */
const fieldsText = (fields: NonNullable<SetChange['fields']>, k: 'from' | 'to') =>
  fields.map((f) => `${f.field}: ${f[k] ?? '—'}`).join('; ');

function side(v: SetChange['from'], lang: Lang): string {
  if (v === undefined) return '';
  if (v === null) return t(lang, 'noThresholdShort');
  if (typeof v === 'string') return v;
  return formatRequirement(v as Requirement, v.value, lang);
}

function counts(diff: SetDiff): Record<SetChange['change'], number> {
  const n = Object.fromEntries(Object.keys(LABELS).map((k) => [k, 0])) as Record<SetChange['change'], number>;
  for (const c of diff.changes) n[c.change]++;
  return n;
}

function countLine(diff: SetDiff, lang: Lang): string {
  const n = Object.entries(counts(diff)).filter(([, v]) => v > 0);
  if (n.length === 0) return t(lang, 'noChanges');
  return `${t(lang, 'changes')}: ${n.map(([k, v]) => `${t(lang, LABELS[k as SetChange['change']])} ${v}`).join('; ')}`;
}
