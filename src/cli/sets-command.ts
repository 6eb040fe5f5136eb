import { Option, type Command } from 'commander';
import { regionCode } from '../criteria/regions.js';
import { pickThreshold, setContext, thresholdLeaves, type Leaf } from '../criteria/threshold.js';
import type { CriteriaSet, Indicator } from '../criteria/types.js';
import { formatRequirement } from '../reports/format-values.js';
import { t, type Lang } from '../i18n/messages.js';
import { jsonTerminalSafe, terminalSafe } from '../text/terminal-safe.js';
import { commonOptions, openSets, openSetsById, type CommonOptions } from './options.js';
import { diffSets } from '../criteria/diff-sets.js';
import { DIFF_FORMATS, renderSetDiff, type DiffFormat } from '../reports/set-diff.js';

/** Set text is data from a YAML file anyone may have written: it reaches the terminal made safe. */
export function registerSets(program: Command, print: (s: string) => void): void {
  const out = (s: string) => print(terminalSafe(s));
  const outJson = (v: unknown) => print(jsonTerminalSafe(JSON.stringify(v, null, 2)) + '\n');
  const sets = program.command('sets').description('list, show and compare criteria sets');

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
        const criteria = `${String(s.criteria.length).padStart(2)} ${t(lang, 'criteria')}`;
        const name = lang === 'en' && s.nameEn ? s.nameEn : s.name;
        out(
          `${s.id.padEnd(width)} ${s.level.padEnd(5)} ${criteria}  ${s.source.document} (${s.source.date})  ${name}\n`,
        );
      }
    });

  commonOptions(
    sets
      .command('show')
      .argument('<id>', 'set id or YAML file')
      .description('show one set resolved, with every threshold and its source'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (id: string, opts: CommonOptions & { format: string }) => {
      const { registry, setId } = await openSets(opts, id);
      const set = registry.get(setId ?? id);
      if (opts.format === 'json') outJson({ ...summary(set), criteria: set.criteria });
      else out(showSet(set, opts.lang as Lang, opts.region, opts.group));
    });

  commonOptions(
    sets
      .command('diff')
      .argument('<from>', 'the older set: id or YAML file')
      .argument('<to>', 'the newer set: id or YAML file')
      .description('what changed from one set to the next: criteria, indicators, names and thresholds'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(DIFF_FORMATS).default('table'))
    .action(async (from: string, to: string, opts: CommonOptions & { format: DiffFormat }) => {
      const { registry, ids } = await openSetsById(opts, [from, to]);
      const diff = diffSets(registry.get(ids[0]!), registry.get(ids[1]!), { region: opts.region });
      out(renderSetDiff(diff, opts.format, opts.lang as Lang, process.stdout.columns));
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
function thresholdCounts(
  s: CriteriaSet,
  group?: number,
): { verified: number; unverified: number; mark: number; noThreshold: number } {
  const counts = { verified: 0, unverified: 0, mark: 0, noThreshold: 0 };
  const ctx = setContext(s, undefined, undefined, group);
  for (const c of s.criteria) {
    // A criterion without indicators is judged by its mark alone.
    if (c.indicators.length === 0) counts.mark++;
    for (const i of c.indicators) {
      const pick = pickThreshold(i, ctx);
      if (i.input) continue;
      if (i.type === 'pass') counts.mark++;
      else if (!pick.ok && pick.why.cause === 'per-row') counts[i.verified ? 'verified' : 'unverified']++;
      else if (!pick.ok) counts.noThreshold++;
      else if (pick.threshold.verified) counts.verified++;
      else counts.unverified++;
    }
  }
  return counts;
}

function showSet(set: CriteriaSet, lang: Lang, region?: string, group?: number): string {
  const lines: string[] = [];
  lines.push(`${set.id}: ${lang === 'en' && set.nameEn ? set.nameEn : set.name}`);
  const { document, date, issuer, title } = set.source;
  lines.push(`  ${t(lang, 'decision')}: ${document}, ${date}, ${issuer}${title ? ` — ${title}` : ''}`);
  if (set.source.note) lines.push(`  ${t(lang, 'note')}: ${set.source.note}`);
  if (set.chain.length > 1) lines.push(`  ${t(lang, 'extends')}: ${set.chain.slice(1).join(' → ')}`);
  const scope = [
    set.period,
    set.region && `${t(lang, 'region')} ${set.region}`,
    set.defaultYear && `${t(lang, 'year')} ${set.defaultYear}`,
  ];
  lines.push(`  ${t(lang, 'level')}: ${[set.level, ...scope.filter(Boolean)].join(', ')}`);
  lines.push(
    `  ${t(lang, 'meetsRule')}: ${set.meets === 'all' ? t(lang, 'allCriteria') : `≥ ${set.meets.min_criteria}`}`,
  );
  for (const n of set.notes) lines.push(`  ${n}`);
  if (set.criteria.every((c) => c.indicators.length === 0)) lines.push(`  ⚑ ${t(lang, 'markJudgedSet')}.`);
  if (group !== undefined) lines.push(`  ${t(lang, 'group')}: ${group}`);
  let heading: string | undefined;
  for (const c of set.criteria) {
    lines.push('');
    if (c.group && c.group !== heading) {
      heading = c.group;
      lines.push(`[${c.group}]`);
    }
    const from = c.origin !== set.id ? `  (${t(lang, 'from')} ${c.origin})` : '';
    lines.push(
      `${c.id}. ${c.name}${lang === 'en' && c.nameEn ? ` (${c.nameEn})` : ''}${c.owner ? `  [${c.owner}]` : ''}${from}`,
    );
    if (c.indicators.length === 0)
      lines.push(`    ${t(lang, 'markOnly')}${c.verified ? '' : `  ⚠ ${t(lang, 'unverified')}`}`);
    if (c.note) lines.push(`    ${t(lang, 'note')}: ${c.note}`);
    for (const ind of c.indicators) {
      lines.push(...showIndicator(ind, set, lang, region, group));
    }
  }
  lines.push('');
  const counts = thresholdCounts(set, group);
  const where = [set.region, set.defaultYear, group === undefined ? undefined : `${t(lang, 'group')} ${group}`]
    .filter(Boolean)
    .join(' ');
  const tally = `✓ ${counts.verified} · ⚠ ${counts.unverified} · ∅ ${counts.noThreshold} · ⚑ ${counts.mark}`;
  lines.push(`${t(lang, 'thresholdCounts')} (${where}): ${tally}`);
  lines.push(
    counts.unverified || counts.noThreshold
      ? `⚠ ${counts.unverified + counts.noThreshold} ${t(lang, 'unverifiedCount')}`
      : `✓ ${t(lang, 'allVerified')}`,
  );
  return lines.join('\n') + '\n';
}

/** Whether a leaf applies to the region and group asked for (or to any, when none is asked). */
function applies(path: string[], region?: string, group?: number): boolean {
  const regionOk = !region || !path.some((p) => regionCode(p)) || path.some((p) => regionCode(p) === region);
  const groups = path.filter((p) => p.startsWith('nhóm '));
  return regionOk && (group === undefined || groups.length === 0 || groups.includes(`nhóm ${group}`));
}

/** What a verdict on this leaf rests on. */
function leafBasis(leaf: Leaf, ind: Indicator, lang: Lang): string {
  if (ind.type === 'pass') return `⚑ ${t(lang, 'basisMark')}`;
  if (!(leaf.source ?? ind.source)) return `∅ ${t(lang, 'noSource')}`;
  return (leaf.verified ?? ind.verified) ? `✓ ${t(lang, 'basisVerified')}` : `⚠ ${t(lang, 'basisSecondary')}`;
}

const SIGN = { '>=': '≥', '<=': '≤', '==': '=', between: '∈' } as const;

/** What a relative threshold comes to in the region and year shown, or why it has no value. */
function relativeNow(
  ind: Indicator,
  set: CriteriaSet,
  region: string | undefined,
  group: number | undefined,
  lang: Lang,
): string {
  const pick = pickThreshold(ind, setContext(set, region, undefined, group));
  return pick.ok ? formatRequirement(ind, pick.threshold.value, lang) : `${t(lang, 'notJudged')}: ${pick.reason}`;
}

function showIndicator(ind: Indicator, set: CriteriaSet, lang: Lang, region?: string, group?: number): string[] {
  const mark = ind.verified ? '✓' : '⚠';
  const nameEn = lang === 'en' && ind.nameEn ? ` (${ind.nameEn})` : '';
  const head = `  ${mark} ${ind.id} ${ind.name}${nameEn}${ind.owner ? `  [${ind.owner}]` : ''}`;
  const lines = [head];
  if (ind.input) lines.push(`      ${t(lang, 'inputOnly')}`);
  else if (ind.threshold === undefined) {
    lines.push(`      ${t(lang, 'noThreshold')}`);
  } else {
    const leaves = thresholdLeaves(ind.threshold).filter((l) => applies(l.path, region, group));
    for (const leaf of leaves) {
      const label = leaf.path.length ? `${leaf.path.join(' ')}: ` : '';
      const cite = [leaf.source, leaf.note].filter(Boolean).join(' — ');
      const r = leaf.relative;
      const what = r
        ? `${SIGN[ind.comparison]} ${r.factor} × ${t(lang, 'relativeTo')} ${r.set} ${r.indicator}`
        : formatRequirement(ind, leaf.value!, lang);
      lines.push(`      ${label}${what}  ${leafBasis(leaf, ind, lang)}${cite ? ` (${cite})` : ''}`);
      if (r) lines.push(`        → ${relativeNow(ind, set, region, group, lang)}`);
    }
  }
  const cite = [
    ind.source,
    ind.verified ? t(lang, 'verified') : t(lang, 'unverified'),
    ind.origin !== set.id || set.chain.length > 1 ? `${t(lang, 'from')} ${ind.origin}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  lines.push(`      ${t(lang, 'source')}: ${cite}`);
  if (ind.note) lines.push(`      ${t(lang, 'note')}: ${ind.note}`);
  if (ind.fromVillages)
    lines.push(`      ${t(lang, 'fromVillages')} ${ind.fromVillages.set} #${ind.fromVillages.criterion}`);
  return lines;
}
