import { pickThreshold, type Context } from '../criteria/threshold.js';
import type { CriteriaSet, Indicator } from '../criteria/types.js';
import { isNumberingRow } from '../data/choose-set.js';
import { t, type Lang } from '../i18n/messages.js';
import { formatRequirement } from '../reports/format-values.js';

/** What a template column asks for, so that each writer can help fill it in. */
export type TemplateColumn =
  | { role: 'seq' | 'name' | 'parent' }
  | { role: 'mark' }
  | { role: 'value'; indicator: Indicator };

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
  title: ['Biểu thu thập số liệu đánh giá tiêu chí nông thôn mới', 'Survey sheet: new rural development (nông thôn mới) criteria'],
  howMarks: ['Mỗi đơn vị một dòng. Cột tiêu chí: chọn Đạt hoặc Không đạt (để trống là chưa đạt).', 'One row per unit. Criterion columns: choose Đạt (met) or Không đạt (not met); blank is not met.'],
  howValues: ['Mỗi đơn vị một dòng. Ghi giá trị đo được của từng chỉ tiêu; để trống là chưa có số liệu.', 'One row per unit. Write each indicator\'s measured value; blank is no data.'],
  required: ['Yêu cầu', 'Required'],
  noThreshold: ['(chưa có ngưỡng)', '(no threshold)'],
} as const;
const text = (lang: Lang, id: keyof typeof TEXT) => TEXT[id][lang === 'vi' ? 0 : 1];

/** The words a mark column takes, in its drop-down list (the reader reads both). */
export const MARK_CHOICES = ['Đạt', 'Không đạt'];

/**
 * One column per criterion in `marks` mode (the annex: what each unit has met), otherwise one per
 * indicator (measured values), a mark column standing in for a criterion that has none.
 */
export function templateLayout(set: CriteriaSet, ctx: Context, lang: Lang, opts: { marks: boolean }): TemplateLayout {
  const [name, parent] = set.level === 'thon' ? [t(lang, 'village'), t(lang, 'commune')] : set.level === 'xa' ? [t(lang, 'commune'), t(lang, 'district')] : [t(lang, 'district'), t(lang, 'unit')];
  const columns: TemplateColumn[] = [{ role: 'seq' }, { role: 'name' }, { role: 'parent' }];
  const header = [t(lang, 'tt'), name, parent];
  const required = [text(lang, 'required'), '', ''];
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
      required.push(requirement(ind, ctx, lang));
    }
  }
  const numbering = ['A', 'B', 'C', ...set.criteria.map((c) => c.id)];
  const source = `${t(lang, 'set')}: ${set.id} — ${set.name} (${set.source.document}, ${set.source.date})`;
  const context = `${ctx.region ? `; ${t(lang, 'region')} ${ctx.region}` : ''}${ctx.year ? `; ${t(lang, 'year')} ${ctx.year}` : ''}`;
  return {
    titles: [text(lang, 'title'), source + context, text(lang, opts.marks ? 'howMarks' : 'howValues')],
    required,
    header,
    numbering: columns.every((c) => c.role !== 'value') && isNumberingRow(numbering) ? numbering : undefined,
    columns,
  };
}

/** "≥ 80 %" in the region and year asked for; the unit alone where the set has no threshold. */
function requirement(ind: Indicator, ctx: Context, lang: Lang): string {
  const pick = pickThreshold(ind, ctx);
  if (pick.ok) return formatRequirement(ind, pick.threshold.value, lang);
  const unit = ind.type === 'percent' ? '%' : ind.type === 'number' || ind.type === 'count' ? (ind.unit ?? '') : '';
  return [unit, text(lang, 'noThreshold')].filter(Boolean).join(' ');
}
