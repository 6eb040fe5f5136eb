import { pickThreshold, type Context } from '../criteria/threshold.js';
import type { CriteriaSet, Indicator } from '../criteria/types.js';
import { isNumberingRow } from '../data/choose-set.js';
import { t, type Lang } from '../i18n/messages.js';
import { formatRequirement } from '../reports/format-values.js';

/** What a template column asks for, so that each writer can help fill it in. */
export type TemplateColumn =
  { role: 'seq' | 'name' | 'parent' } | { role: 'mark' } | { role: 'value'; indicator: Indicator };

/**
 * A blank survey sheet for a set, as rows of text: titles, the requirements row, the header and
 * (for marks) the annex's numbering row. The requirements stand above the header, not under it: a
 * row under the header is a unit row to every reader, so a filled-in template reads back as it is.
 */
export interface TemplateLayout {
  titles: string[];
  required: string[];
  header: string[];
  numbering?: string[];
  columns: TemplateColumn[];
}

const TEXT = {
  title: [
    'Biểu thu thập số liệu đánh giá tiêu chí nông thôn mới',
    'Survey sheet: new rural development (nông thôn mới) criteria',
  ],
  howMarks: [
    'Mỗi đơn vị một dòng. Cột tiêu chí: chọn Đạt hoặc Không đạt (để trống là chưa đạt).',
    'One row per unit. Criterion columns: choose Đạt (met) or Không đạt (not met); blank is not met.',
  ],
  howValues: [
    'Mỗi đơn vị một dòng. Ghi giá trị đo được của từng chỉ tiêu; để trống là chưa có số liệu.',
    "One row per unit. Write each indicator's measured value; blank is no data.",
  ],
  required: ['Yêu cầu', 'Required'],
  unverified: [
    '* Giá trị chưa được kiểm chứng với văn bản quyết định (`ntm sets show` ghi nguồn).',
    '* Not verified against the text of the decision (`ntm sets show` gives the source).',
  ],
  'no-threshold': ['(bộ tiêu chí chưa có ngưỡng)', '(no threshold in the set)'],
  'needs-region': ['(tuỳ theo vùng: ghi --region)', '(depends on the region: give --region)'],
  'no-region-value': ['(không có giá trị cho vùng này)', '(no value for this region)'],
  'needs-year': ['(tuỳ theo năm: ghi --year)', '(depends on the year: give --year)'],
  'no-year-value': ['(không có giá trị cho năm này)', '(no value for this year)'],
  'needs-group': ['(tuỳ theo nhóm xã: ghi --group hoặc cột "Nhóm xã")', '(depends on the commune group: give --group)'],
  'no-group-value': ['(không có giá trị cho nhóm xã này)', '(no value for this commune group)'],
  'no-source': ['(ngưỡng không ghi nguồn)', '(the threshold cites no source)'],
  'per-row': ['(tuỳ theo số liệu của từng dòng)', "(depends on each row's figures)"],
} as const;
const text = (lang: Lang, id: keyof typeof TEXT) => TEXT[id][lang === 'vi' ? 0 : 1];

/** The words a mark column takes, in its drop-down list (the reader reads both). */
export const MARK_CHOICES = ['Đạt', 'Không đạt'];

/**
 * One column per criterion in `marks` mode (the annex: what each unit has met), otherwise one per
 * indicator (measured values), a mark column standing in for a criterion that has none.
 */
export function templateLayout(set: CriteriaSet, ctx: Context, lang: Lang, opts: { marks: boolean }): TemplateLayout {
  const names = { thon: ['village', 'commune'], xa: ['commune', 'district'], huyen: ['district', 'unit'] } as const;
  const [name, parent] = names[set.level].map((id) => t(lang, id)) as [string, string];
  const columns: TemplateColumn[] = [{ role: 'seq' }, { role: 'name' }, { role: 'parent' }];
  const header = [t(lang, 'tt'), name, parent];
  const required = [text(lang, 'required'), '', ''];
  let unverified = false;
  for (const c of set.criteria) {
    if (opts.marks || c.indicators.length === 0) {
      columns.push({ role: 'mark' });
      // The criterion's name alone: an id prefix ("5 …") could be read as an indicator's id.
      header.push(c.name);
      required.push(MARK_CHOICES.join(' / '));
      continue;
    }
    for (const ind of c.indicators) {
      columns.push({ role: 'value', indicator: ind });
      header.push(`${ind.id} ${ind.name}`);
      const r = requirement(ind, ctx, lang);
      required.push(r.text);
      unverified ||= r.unverified;
    }
  }
  const numbering = ['A', 'B', 'C', ...set.criteria.map((c) => c.id)];
  const source = `${t(lang, 'set')}: ${set.id} — ${set.name} (${set.source.document}, ${set.source.date})`;
  const region = ctx.region ? `; ${t(lang, 'region')} ${ctx.region}` : '';
  const year = ctx.year ? `; ${t(lang, 'year')} ${ctx.year}` : '';
  const how = text(lang, opts.marks ? 'howMarks' : 'howValues');
  return {
    titles: [text(lang, 'title'), source + region + year, how, ...(unverified ? [text(lang, 'unverified')] : [])],
    required,
    header,
    numbering: columns.every((c) => c.role !== 'value') && isNumberingRow(numbering) ? numbering : undefined,
    columns,
  };
}

/**
 * "≥ 80 %" in the region and year asked for, with a * when the value is not verified; where
 * there is none, the unit and why (never a value the set does not give).
 */
function requirement(ind: Indicator, ctx: Context, lang: Lang): { text: string; unverified: boolean } {
  const pick = pickThreshold(ind, ctx);
  if (pick.ok) {
    const unverified = !pick.threshold.verified;
    return { text: formatRequirement(ind, pick.threshold.value, lang) + (unverified ? ' *' : ''), unverified };
  }
  const unit = ind.type === 'percent' ? '%' : ind.type === 'number' || ind.type === 'count' ? (ind.unit ?? '') : '';
  const cause = String(pick.why.cause) as keyof typeof TEXT;
  return { text: [unit, TEXT[cause] ? text(lang, cause) : ''].filter(Boolean).join(' '), unverified: false };
}
