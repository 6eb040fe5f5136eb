import type { Lang } from '../i18n/messages.js';
import type { TargetResult, TargetWhat } from '../engine/targets.js';
import { formatNumber } from './format-values.js';

const SIGN = { '>=': '≥', '<=': '≤', '==': '=' } as const;

/** A target in words, when the targets file gives it no label of its own. */
export function targetLabeller(lang: Lang) {
  const vi = lang === 'vi';
  const n = (v: number) => formatNumber(v, lang);
  const criteria = (v: number) => `${n(v)} ${v === 1 ? 'criterion' : 'criteria'}`;
  return (what: TargetWhat, target: number | boolean, comparison: TargetResult['comparison']): string => {
    const bound = typeof target === 'number' ? `${SIGN[comparison]} ${n(target)}` : '';
    const unit = 'parent' in what ? `${what.parent ? `${what.unit} (${what.parent})` : what.unit}: ` : '';
    switch (what.goal) {
      case 'gain':
        return unit + (vi ? `đạt thêm ít nhất ${n(+target)} tiêu chí` : `gain at least ${criteria(+target)}`);
      case 'at-least':
        return unit + (vi ? `đạt ít nhất ${n(+target)} tiêu chí` : `at least ${criteria(+target)} met`);
      case 'meets':
        return unit + (vi ? 'đạt chuẩn' : 'meets the standard');
      case 'average-met':
        return `${vi ? 'Bình quân tiêu chí đạt/đơn vị' : 'Average criteria met per unit'} ${bound}`;
      case 'units-meeting':
        return `${vi ? 'Số đơn vị đạt chuẩn' : 'Units meeting the standard'} ${bound}`;
      case 'newly-meeting':
        return `${vi ? 'Số đơn vị mới đạt chuẩn so với năm trước' : 'Units newly meeting the standard'} ${bound}`;
      case 'units-gaining':
        return vi
          ? `Số đơn vị đạt thêm ít nhất ${what.by} tiêu chí ${bound}`
          : `Units gaining at least ${criteria(what.by)} ${bound}`;
      case 'indicator': {
        const how =
          what.aggregate === 'sum'
            ? vi
              ? 'tổng các đơn vị'
              : 'sum over the units'
            : vi
              ? 'bình quân các đơn vị, không gia quyền'
              : 'mean of the units, unweighted';
        return `${what.indicator} ${what.name} (${how}) ${bound}${what.unit ? ` ${what.unit}` : ''}`;
      }
    }
  };
}
