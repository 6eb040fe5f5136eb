import { Option, type Command } from 'commander';
import { regionCode } from '../criteria/regions.js';
import { pickThreshold, setContext, thresholdLeaves } from '../criteria/threshold.js';
import type { CriteriaSet, Indicator } from '../criteria/types.js';
import { formatRequirement } from '../reports/format-values.js';
import { t, type Lang } from '../i18n/messages.js';
import { jsonTerminalSafe, terminalSafe } from '../text/terminal-safe.js';
import { commonOptions, openSets, type CommonOptions } from './options.js';

/** Set text is data from a YAML file anyone may have written: it reaches the terminal made safe. */
export function registerSets(program: Command, print: (s: string) => void): void {
  const out = (s: string) => print(terminalSafe(s));
  const outJson = (v: unknown) => print(jsonTerminalSafe(JSON.stringify(v, null, 2)) + '\n');
  const sets = program.command('sets').description('list and show criteria sets / liệt kê và xem các bộ tiêu chí');

  commonOptions(sets.command('list').description('list the criteria sets ntm knows'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: CommonOptions & { format: string }) => {
      const { registry } = await openSets(opts);
      const all = registry.all();
      if (opts.format === 'json') {
        outJson(all.map(summary));
        return;
      }
      const lang = opts.lang as Lang;
      const width = Math.max(...all.map((s) => s.id.length)) + 1;
      for (const s of all) {
        out(`${s.id.padEnd(width)} ${s.level.padEnd(5)} ${String(s.criteria.length).padStart(2)} ${t(lang, 'criteria')}  ${s.source.document} (${s.source.date})  ${lang === 'en' && s.nameEn ? s.nameEn : s.name}\n`);
      }
    });

  commonOptions(sets.command('show').argument('<id>', 'set id or YAML file').description('show one set resolved, with every threshold and its source'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (id: string, opts: CommonOptions & { format: string }) => {
      const { registry, setId } = await openSets(opts, id);
      const set = registry.get(setId ?? id);
      if (opts.format === 'json') outJson({ ...summary(set), criteria: set.criteria });
      else out(showSet(set, opts.lang as Lang, opts.region));
    });
}

const summary = (s: CriteriaSet) => ({
  id: s.id,
  name: s.name,
  nameEn: s.nameEn,
  level: s.level,
  period: s.period,
  source: s.source,
  extends: s.chain.slice(1),
  criteria: s.criteria.length,
  indicators: s.criteria.reduce((n, c) => n + c.indicators.length, 0),
  ...thresholdCounts(s),
});

/** How the thresholds that apply by default (the set's region and year) stand: checked, not checked, missing. */
function thresholdCounts(s: CriteriaSet): { verified: number; unverified: number; noThreshold: number } {
  const counts = { verified: 0, unverified: 0, noThreshold: 0 };
  const ctx = setContext(s);
  for (const c of s.criteria) {
    for (const i of c.indicators) {
      const pick = pickThreshold(i, ctx);
      if (!pick.ok) counts.noThreshold++;
      else if (pick.threshold.verified) counts.verified++;
      else counts.unverified++;
    }
  }
  return counts;
}

function showSet(set: CriteriaSet, lang: Lang, region?: string): string {
  const lines: string[] = [];
  lines.push(`${set.id}: ${lang === 'en' && set.nameEn ? set.nameEn : set.name}`);
  lines.push(`  ${t(lang, 'decision')}: ${set.source.document}, ${set.source.date}, ${set.source.issuer}${set.source.title ? ` — ${set.source.title}` : ''}`);
  if (set.source.note) lines.push(`  ${t(lang, 'note')}: ${set.source.note}`);
  if (set.chain.length > 1) lines.push(`  ${t(lang, 'extends')}: ${set.chain.slice(1).join(' → ')}`);
  lines.push(`  ${t(lang, 'level')}: ${set.level}${set.period ? `, ${set.period}` : ''}${set.region ? `, ${t(lang, 'region')} ${set.region}` : ''}${set.defaultYear ? `, ${t(lang, 'year')} ${set.defaultYear}` : ''}`);
  lines.push(`  ${t(lang, 'meetsRule')}: ${set.meets === 'all' ? t(lang, 'allCriteria') : `≥ ${set.meets.min_criteria}`}`);
  for (const n of set.notes) lines.push(`  ${n}`);
  let group: string | undefined;
  for (const c of set.criteria) {
    lines.push('');
    if (c.group && c.group !== group) {
      group = c.group;
      lines.push(`[${c.group}]`);
    }
    lines.push(`${c.id}. ${c.name}${lang === 'en' && c.nameEn ? ` (${c.nameEn})` : ''}${c.owner ? `  [${c.owner}]` : ''}${c.origin !== set.id ? `  (${t(lang, 'from')} ${c.origin})` : ''}`);
    if (c.indicators.length === 0) lines.push(`    ${t(lang, 'markOnly')}${c.verified ? '' : `  ⚠ ${t(lang, 'unverified')}`}`);
    if (c.note) lines.push(`    ${t(lang, 'note')}: ${c.note}`);
    for (const ind of c.indicators) {
      lines.push(...showIndicator(ind, set, lang, region));
    }
  }
  lines.push('');
  const counts = thresholdCounts(set);
  lines.push(`${t(lang, 'thresholdCounts')} (${set.region ?? ''}${set.defaultYear ? ` ${set.defaultYear}` : ''}): ✓ ${counts.verified} · ⚠ ${counts.unverified} · ∅ ${counts.noThreshold}`);
  lines.push(counts.unverified || counts.noThreshold ? `⚠ ${counts.unverified + counts.noThreshold} ${t(lang, 'unverifiedCount')}` : `✓ ${t(lang, 'allVerified')}`);
  return lines.join('\n') + '\n';
}

function showIndicator(ind: Indicator, set: CriteriaSet, lang: Lang, region?: string): string[] {
  const mark = ind.verified ? '✓' : '⚠';
  const head = `  ${mark} ${ind.id} ${ind.name}${lang === 'en' && ind.nameEn ? ` (${ind.nameEn})` : ''}${ind.owner ? `  [${ind.owner}]` : ''}`;
  const lines = [head];
  if (ind.threshold === undefined) {
    lines.push(`      ${t(lang, 'noThreshold')}`);
  } else {
    const leaves = thresholdLeaves(ind.threshold).filter((l) => !region || l.path.length === 0 || l.path.some((p) => regionCode(p) === region) || !l.path.some((p) => regionCode(p)));
    for (const leaf of leaves) {
      const label = leaf.path.length ? `${leaf.path.join(' ')}: ` : '';
      const flag = leaf.verified === false ? `  ⚠ ${t(lang, 'unverified')}` : leaf.verified === true && !ind.verified ? `  ✓ ${t(lang, 'verified')}` : '';
      const cite = [leaf.source, leaf.note].filter(Boolean).join(' — ');
      lines.push(`      ${label}${formatRequirement(ind, leaf.value, lang)}${flag}${cite ? ` (${cite})` : ''}`);
    }
  }
  const cite = [ind.source, ind.verified ? t(lang, 'verified') : t(lang, 'unverified'), ind.origin !== set.id || set.chain.length > 1 ? `${t(lang, 'from')} ${ind.origin}` : ''].filter(Boolean).join('; ');
  lines.push(`      ${t(lang, 'source')}: ${cite}`);
  if (ind.note) lines.push(`      ${t(lang, 'note')}: ${ind.note}`);
  if (ind.fromVillages) lines.push(`      ${t(lang, 'fromVillages')} ${ind.fromVillages.set} #${ind.fromVillages.criterion}`);
  return lines;
}
