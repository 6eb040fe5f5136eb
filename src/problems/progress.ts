/** Problems of progress reports: the baseline, aliases, the plan's targets, and levels (--set A,B,…). */
import { q, type Entry, type ProblemParams } from './text.js';

const levelWord = (level: unknown) => (level === 'thon' ? 'thôn' : level === 'xa' ? 'xã' : 'huyện');
const levelNoun = (level: unknown) => (level === 'thon' ? 'village' : level === 'xa' ? 'commune' : 'district');
const unitName = (p: ProblemParams) => `${p.unit}${p.parent ? ` (${p.parent})` : ''}`;
const s = (n: unknown) => (Number(n) === 1 ? '' : 's');

export const PROGRESS = {
  'target-unit-unknown': {
    en: (p) =>
      p.ambiguous
        ? {
            message: `a target names ${p.unit}, and ${p.ambiguous} units of the survey have that name`,
            hint: "Give the target a parent: the unit's commune or district.",
          }
        : {
            message:
              `a target names ${unitName(p)}, and the survey has no such unit` +
              (p.guess ? `; likely ${q(p.guess)}` : ''),
            hint: p.guess
              ? 'Add --match-near to match names one letter or one tone mark apart, ' +
                'or correct the name in the targets file.'
              : 'Write the name as the survey writes it.',
          },
    vi: (p) =>
      p.ambiguous
        ? {
            message: `chỉ tiêu kế hoạch nêu ${q(p.unit)}, và tệp số liệu có ${p.ambiguous} đơn vị cùng tên này`,
            hint: 'Ghi thêm đơn vị cấp trên (parent) của đơn vị đó vào chỉ tiêu.',
          }
        : {
            message:
              `chỉ tiêu kế hoạch nêu ${unitName(p)}, nhưng tệp số liệu không có đơn vị này` +
              (p.guess ? `; có lẽ là ${q(p.guess)}` : ''),
            hint: p.guess
              ? 'Thêm --match-near để ghép các tên chỉ khác một chữ hoặc một dấu thanh, ' +
                'hoặc sửa tên trong tệp chỉ tiêu.'
              : 'Sửa tên trong tệp chỉ tiêu cho giống tên trong tệp số liệu.',
          },
  },
  'targets-need-baseline': {
    en: (p) => ({
      message:
        `${p.count} target${s(p.count)} compare with last year ` +
        `(lines ${p.lines} of the targets file) and need last year's results`,
      hint: "Add --baseline FILE: last year's survey, with the same criteria set.",
    }),
    vi: (p) => ({
      message: `${p.count} chỉ tiêu so với năm trước (dòng ${p.lines} của tệp chỉ tiêu) cần kết quả năm trước`,
      hint: 'Thêm --baseline TỆP: bảng số liệu năm trước, cùng bộ tiêu chí.',
    }),
  },
  'target-indicator-unknown': {
    en: (p) => ({
      message: `a target names indicator ${q(p.indicator)}, which set ${q(p.set)} does not have`,
      hint: 'Write the indicator id as the set writes it (`ntm sets show ID`).',
    }),
    vi: (p) => ({
      message: `chỉ tiêu kế hoạch nêu chỉ tiêu ${q(p.indicator)}, nhưng bộ ${q(p.set)} không có chỉ tiêu này`,
      hint: 'Ghi mã chỉ tiêu như bộ tiêu chí ghi (`ntm sets show ID`).',
    }),
  },
  'targets-skipped': {
    en: (p) => ({
      message:
        `${p.count} target${Number(p.count) > 1 ? 's are' : ' is'} not for this run ` +
        `(set ${q(p.set)}): ${p.labels}`,
      hint: 'They are for another criteria set or level; evaluate a survey of that level to judge them.',
    }),
    vi: (p) => ({
      message: `${p.count} chỉ tiêu kế hoạch không áp dụng cho lần đánh giá này (bộ ${q(p.set)}): ${p.labels}`,
      hint: 'Chúng dành cho bộ tiêu chí hoặc cấp khác; đánh giá tệp số liệu của cấp đó để xét chúng.',
    }),
  },
  'aliases-row': {
    en: (p) => ({
      message:
        `this row has ${p.cells} cell${s(p.cells)}; ` +
        'an aliases file has two: the name in the survey and the name in the baseline',
      hint: 'One pair of names per row, e.g. Thuần Mang,Thuận Mang.',
    }),
    vi: (p) => ({
      message:
        `dòng này có ${p.cells} ô; tệp tên ghép cần đúng hai ô: ` + 'tên trong tệp số liệu và tên trong tệp năm trước',
      hint: 'Mỗi dòng một cặp tên, ví dụ: Thuần Mang,Thuận Mang.',
    }),
  },
  'baseline-criteria-differ': {
    en: (p) => ({
      message: `the baseline's set (${q(p.before)}) and this one (${q(p.set)}) differ in criteria ${p.ids}`,
      hint: 'Only criteria with the same number are compared; these count as neither gained nor lost.',
    }),
    vi: (p) => ({
      message:
        `bộ tiêu chí của tệp năm trước (${q(p.before)}) khác bộ của năm nay (${q(p.set)}) ` +
        `ở các tiêu chí: ${p.ids}`,
      hint: 'Chỉ so sánh được các tiêu chí cùng số hiệu; các tiêu chí này không được tính là tăng hay giảm.',
    }),
  },
  'baseline-level-differs': {
    en: (p) => ({
      message: `the baseline is a survey of ${levelNoun(p.before)} units and this one of ${levelNoun(p.level)} units`,
      hint: 'Compare two surveys of the same level (villages with villages, communes with communes).',
    }),
    vi: (p) => ({
      message: `tệp năm trước là số liệu cấp ${levelWord(p.before)}, còn năm nay là cấp ${levelWord(p.level)}`,
      hint: 'So sánh hai tệp cùng cấp (thôn với thôn, xã với xã).',
    }),
  },
  'baseline-no-data': {
    en: (p) => ({
      message:
        `${p.count} criterion verdict${s(p.count)} of the baseline have no data: a criterion met ` +
        'then but not shown is counted as not met, and as gained if it is met now',
      hint: "Complete last year's survey (marks or values) where you can; otherwise read those gains with care.",
    }),
    vi: (p) => ({
      message:
        `${p.count} kết luận tiêu chí trong tệp năm trước thiếu số liệu: tiêu chí khi đó đã đạt mà không thể hiện ` +
        'được tính là chưa đạt, và nếu năm nay đạt thì tính là đạt thêm',
      hint:
        'Bổ sung số liệu năm trước (dấu đạt hoặc giá trị) nếu có thể; ' +
        'nếu không, cần thận trọng khi đọc các tiêu chí đạt thêm đó.',
    }),
  },
  'likely-same-unit': {
    en: (p) => ({
      message:
        `${unitName(p)} is likely ${q(p.baselineName)} of the baseline (one letter or one tone mark apart)` +
        (p.matched ? '; matched' : '; not matched: counted as new, and the other as gone'),
      hint: p.matched ? undefined : 'Add --match-near to match them, or pair the names in an --aliases file.',
    }),
    vi: (p) => ({
      message:
        `${unitName(p)} có lẽ là ${q(p.baselineName)} trong tệp năm trước (chỉ khác một chữ hoặc một dấu thanh)` +
        (p.matched ? '; đã ghép hai tên' : '; chưa ghép: tính là đơn vị mới và đơn vị không còn'),
      hint: p.matched ? undefined : 'Thêm --match-near để ghép, hoặc ghép tên bằng --aliases TỆP.',
    }),
  },
  'level-set-unreadable': {
    en: (p) => ({
      message: `this file cannot be read for set ${q(p.set)} of the --set list; what that reading found follows`,
      hint: 'Each set of --set A,B,… reads the file by its own columns: give the columns of every set.',
    }),
    vi: (p) => ({
      message: `không đọc được tệp này theo bộ ${q(p.set)} trong danh sách --set; các lỗi của lần đọc đó ở dưới`,
      hint: 'Mỗi bộ trong --set A,B,… đọc tệp theo các cột của bộ đó: tệp cần có cột của mọi bộ.',
    }),
  },
} satisfies Record<string, Entry>;
