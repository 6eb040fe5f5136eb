import { plural, q, type Entry, type ProblemParams, type Text } from './text.js';

/** Evaluating (the run's warnings), the command line and writing the report. */

const met = (v: unknown) => (v === 'met' ? 'đạt' : 'không đạt');
const unitName = (p: ProblemParams) => `${q(p.unit)}${p.parent ? ` (${p.parent})` : ''}`;

/** Why an indicator has no threshold (threshold.ts's `why`). */
function cause(p: ProblemParams): string {
  switch (p.cause) {
    case 'no-threshold':
      return 'bộ tiêu chí chưa có ngưỡng';
    case 'needs-region':
      return `ngưỡng tuỳ theo vùng (${p.regions}): cần ghi --region`;
    case 'no-region-value':
      return `không có giá trị cho vùng ${p.region}`;
    case 'needs-year':
      return `ngưỡng tuỳ theo năm (${p.years}): cần ghi --year`;
    case 'no-year-value':
      return `không có giá trị cho năm ${p.year} (ngưỡng chỉ có từ năm ${p.first})`;
    case 'no-source':
      return 'ngưỡng không ghi nguồn nên không dùng để đánh giá';
    case 'needs-group':
      return `ngưỡng tuỳ theo nhóm xã (${p.groups}): cần ghi --group hoặc có cột "Nhóm xã"`;
    case 'no-group-value':
      return `không có giá trị cho xã nhóm ${p.group}`;
    case 'per-row':
    case 'needs-value':
      return `ngưỡng tuỳ theo giá trị của chỉ tiêu ${p.indicator} trong từng dòng`;
    case 'no-base':
    case 'base-unjudged':
      return `ngưỡng tính theo chỉ tiêu ${p.indicator} của bộ ${q(p.set)}, mà chỉ tiêu đó chưa có ngưỡng dùng được`;
    default:
      return String(p.reason);
  }
}

function usage(p: ProblemParams): Text {
  switch (p.case) {
    case 'stdin-twice':
      return { message: 'standard input ("-") can be read only once' };
    case 'levels-stdin':
      return { message: 'with several sets (--set A,B,…) the file is read once per set: standard input cannot be' };
    case 'match-without-baseline':
      return { message: "--match-near and --aliases match units with last year's: they need --baseline or --targets" };
    case 'unknown-format':
      return {
        message: `cannot tell the report format from ${q(p.output)}`,
        hint: `Name the file ${p.extensions}, or add --format (${p.formats}).`,
      };
    default:
      return {
        message: `the ${p.format} report is a binary file and would garble the terminal`,
        hint: `Add -o report.${p.ext}, or redirect standard output.`,
      };
  }
}

function usageVi(p: ProblemParams): Text {
  switch (p.case) {
    case 'stdin-twice':
      return { message: 'đầu vào chuẩn ("-") chỉ đọc được một lần' };
    case 'levels-stdin':
      return {
        message:
          'với nhiều bộ tiêu chí (--set A,B,…), tệp được đọc một lần cho mỗi bộ: không đọc từ đầu vào chuẩn được',
      };
    case 'match-without-baseline':
      return {
        message: '--match-near và --aliases dùng để ghép đơn vị với năm trước: cần có --baseline hoặc --targets',
      };
    case 'unknown-format':
      return {
        message: `không xác định được định dạng báo cáo từ tên tệp ${q(p.output)}`,
        hint: `Đặt tên tệp có một trong các đuôi ${p.extensions}, hoặc thêm --format (${p.formats}).`,
      };
    default:
      return {
        message: `báo cáo ${p.format} là tệp nhị phân, in ra màn hình sẽ thành ký tự rác`,
        hint: `Thêm -o report.${p.ext}, hoặc chuyển đầu ra chuẩn vào một tệp.`,
      };
  }
}

function badOutput(p: ProblemParams): Text {
  switch (p.case) {
    case 'empty':
      return { message: '-o names no file', hint: 'Give a file name, e.g. -o report.xlsx.' };
    case 'no-folder':
      return {
        message: `the folder of ${p.path} does not exist`,
        hint: 'Create the folder first, or choose another -o path.',
      };
    case 'folder':
      return { message: `${p.path} is a folder`, hint: 'Give a file name inside it, e.g. -o report.xlsx.' };
    default:
      return { message: `${p.path} cannot be written (no permission)`, hint: 'Choose a path you can write to.' };
  }
}

function badOutputVi(p: ProblemParams): Text {
  switch (p.case) {
    case 'empty':
      return { message: '-o không có tên tệp', hint: 'Cho tên tệp, ví dụ -o bao-cao.xlsx.' };
    case 'no-folder':
      return {
        message: `thư mục chứa ${p.path} không tồn tại`,
        hint: 'Tạo thư mục trước, hoặc chọn đường dẫn -o khác.',
      };
    case 'folder':
      return { message: `${p.path} là một thư mục`, hint: 'Cho tên tệp, ví dụ -o bao-cao.xlsx.' };
    default:
      return { message: `không có quyền ghi ${p.path}`, hint: 'Chọn đường dẫn có quyền ghi.' };
  }
}

export const RUN = {
  // Evaluation
  'mark-disagrees': {
    en: (p) => ({
      message:
        `${p.unit}: criterion ${p.criterion} (${p.name}) is marked ${p.mark === 'met' ? 'met' : 'not met'}, ` +
        `but its indicator values say ${p.values === 'met' ? 'met' : 'not met'}`,
      hint: 'ntm follows the mark; check the mark or the values.',
    }),
    vi: (p) => ({
      message:
        `${p.unit}: tiêu chí ${p.criterion} (${p.name}) được đánh dấu ${met(p.mark)}, ` +
        `nhưng số liệu các chỉ tiêu cho thấy ${met(p.values)}`,
      hint: 'ntm lấy theo ô đánh dấu; hãy kiểm tra lại ô đánh dấu hoặc số liệu.',
    }),
  },
  'no-villages': {
    en: (p) => ({
      message: `${p.unit}: no villages of this commune in the village file; indicator ${p.indicator} is not computed`,
    }),
    vi: (p) => ({
      message: `${p.unit}: tệp số liệu thôn không có thôn nào của xã này; chỉ tiêu ${p.indicator} không được tính`,
    }),
  },
  'village-share-differs': {
    en: (p) => ({
      message:
        `${p.unit}: indicator ${p.indicator} is ${p.own} in the file, ` +
        `${p.share} computed from ${p.villages} villages; the file's value is used`,
      hint: 'The village file may be partial; correct whichever is wrong.',
    }),
    vi: (p) => ({
      message:
        `${p.unit}: chỉ tiêu ${p.indicator} trong tệp ghi ${p.own}, tính từ ${p.villages} thôn được ${p.share}; ` +
        'ntm dùng giá trị ghi trong tệp',
      hint: 'Tệp số liệu thôn có thể chưa đủ; hãy sửa lại số liệu sai.',
    }),
  },
  'villages-ambiguous': {
    en: (p) => ({
      message:
        `${p.unit} (${p.parent}): another commune named ${p.unit} took the villages of that name; the village` +
        ` file has no district column to tell them apart, so indicator ${p.indicator} is not computed`,
      hint: 'Add a district (Huyện) column to the village file.',
    }),
    vi: (p) => ({
      message:
        `${p.unit} (${p.parent}): một xã khác cũng tên ${p.unit} đã nhận các thôn mang tên xã này; ` +
        `tệp số liệu thôn không có cột huyện để phân biệt nên chỉ tiêu ${p.indicator} không được tính`,
      hint: 'Thêm cột Huyện vào tệp số liệu thôn.',
    }),
  },
  'more-warnings': {
    en: (p) => ({ message: `and ${p.more} more warnings like this (${p.of})` }),
    vi: (p) => ({ message: `và ${p.more} cảnh báo khác cùng loại (${p.of})` }),
  },
  'duplicate-unit-files': {
    en: (p) => ({
      message: `${unitName(p)} is also in ${p.first}: it is evaluated twice`,
      hint: 'A unit belongs in one file of a batch; remove it from one of them.',
    }),
    vi: (p) => ({
      message: `${unitName(p)} cũng có trong ${p.first}: đơn vị này được đánh giá hai lần`,
      hint: 'Mỗi đơn vị chỉ nên có trong một tệp của cả lô; hãy xóa ở một tệp.',
    }),
  },
  'mixed-sets': {
    en: (p) => ({
      message: `this file fits set ${q(p.set)} but the files before it fit ${q(p.before)}`,
      hint: 'Evaluate files of one set per run, or name the set with --set.',
    }),
    vi: (p) => ({
      message: `tệp này khớp với bộ ${q(p.set)} nhưng các tệp trước khớp với bộ ${q(p.before)}`,
      hint: 'Mỗi lần chạy chỉ đánh giá các tệp cùng một bộ tiêu chí, hoặc chỉ định bộ bằng --set.',
    }),
  },
  'unverified-thresholds': {
    en: (p) => ({
      message:
        `${plural(p.count, 'threshold')} used here ${Number(p.count) > 1 ? 'are' : 'is'} not verified against ` +
        `the text of ${p.document}: ${p.indicators}`,
      hint: `\`ntm sets show ${p.set}\` shows each value's source; check them before relying on these verdicts.`,
    }),
    vi: (p) => ({
      message: `${p.count} ngưỡng dùng ở đây chưa được kiểm chứng với văn bản ${p.document}: ${p.indicators}`,
      hint:
        `Lệnh \`ntm sets show ${p.set}\` cho biết nguồn của từng giá trị; ` +
        'hãy kiểm tra trước khi dựa vào kết quả đánh giá này.',
    }),
  },
  'unjudged-indicator': {
    en: (p) => ({
      message: `${plural(p.count, 'indicator')} of ${q(p.set)} cannot be judged (${p.reason}): ${p.indicators}`,
      hint:
        'Their criteria cannot be declared met from values; ' +
        'a criterion mark column (Đạt / Không đạt) decides them.',
    }),
    vi: (p) => ({
      message: `${p.count} chỉ tiêu của bộ ${q(p.set)} không đánh giá được (${cause(p)}): ${p.indicators}`,
      hint:
        'Không thể kết luận các tiêu chí này đạt từ số liệu; ' +
        'cột đánh dấu tiêu chí (Đạt / Không đạt) sẽ quyết định.',
    }),
  },
  'no-village-indicators': {
    en: (p) => ({
      message: `set ${q(p.set)} has no indicator computed from villages, so --villages has nothing to do`,
      hint: 'Use a set whose indicators say `from_villages`, or leave out --villages.',
    }),
    vi: (p) => ({
      message: `bộ ${q(p.set)} không có chỉ tiêu nào tính từ số liệu thôn, nên --villages không có tác dụng`,
      hint: 'Dùng bộ tiêu chí có chỉ tiêu ghi `from_villages`, hoặc bỏ --villages.',
    }),
  },
  'missing-column': {
    en: (p) => ({
      message: `no column for ${p.count} criteria/indicators, so no data for every unit: ${p.names}`,
      hint: 'Surveys are often partial; units cannot be declared as meeting the standard without these.',
    }),
    vi: (p) => ({
      message: `không có cột cho ${p.count} tiêu chí/chỉ tiêu, nên đơn vị nào cũng thiếu số liệu này: ${p.names}`,
      hint: 'Số liệu điều tra thường chưa đầy đủ; thiếu các cột này thì chưa đơn vị nào được công nhận đạt chuẩn.',
    }),
  },

  // Command line and output
  'bad-region': {
    en: (p) => ({ message: `unknown region ${q(p.region)}`, hint: `Use one of ${p.regions}.` }),
    vi: (p) => ({ message: `không có vùng ${q(p.region)}`, hint: `Dùng một trong các vùng: ${p.regions}.` }),
  },
  'year-out-of-period': {
    en: (p) => ({
      message: `--year ${p.year} is outside the period of set ${q(p.set)} (${p.from}–${p.to})`,
      hint: `Give a year from ${p.from} to ${p.to}, or choose a set for ${p.year} with --set (\`ntm sets list\`).`,
    }),
    vi: (p) => ({
      message: `--year ${p.year} nằm ngoài giai đoạn của bộ tiêu chí ${q(p.set)} (${p.from}–${p.to})`,
      hint:
        `Ghi một năm từ ${p.from} đến ${p.to}, ` +
        `hoặc chọn bộ tiêu chí cho năm ${p.year} bằng --set (\`ntm sets list\`).`,
    }),
  },
  'bad-group': {
    en: (p) => ({
      message: `unknown commune group ${q(p.group)}`,
      hint: 'Use --group 1, 2 or 3 (xã nhóm 1, 2, 3 of 51/2025/QĐ-TTg).',
    }),
    vi: (p) => ({
      message: `không có nhóm xã ${q(p.group)}`,
      hint: 'Ghi --group 1, 2 hoặc 3 (xã nhóm 1, 2, 3 theo Quyết định 51/2025/QĐ-TTg).',
    }),
  },
  'bad-year': {
    en: (p) => ({ message: `--year ${p.year} is not a year`, hint: 'Give a year such as 2024.' }),
    vi: (p) => ({ message: `--year ${p.year} không phải là một năm`, hint: 'Ghi năm, ví dụ 2024.' }),
  },
  usage: { en: usage, vi: usageVi },
  'template-format': {
    en: (p) => ({
      message: `cannot tell the template format from ${q(p.output)}`,
      hint: 'Name the file .xlsx or .csv.',
    }),
    vi: (p) => ({
      message: `không xác định được định dạng biểu mẫu từ tên tệp ${q(p.output)}`,
      hint: 'Đặt tên tệp có đuôi .xlsx hoặc .csv.',
    }),
  },
  'output-is-input': {
    en: (p) => ({
      message: `will not write the report over an input file (${p.path})`,
      hint: 'Choose another -o path.',
    }),
    vi: (p) => ({ message: `không ghi báo cáo đè lên tệp đầu vào (${p.path})`, hint: 'Chọn đường dẫn -o khác.' }),
  },
  'output-exists': {
    en: (p) => ({
      message: `${p.path} already exists; it was left unchanged`,
      hint: 'Add --force to replace it, or choose another -o path.',
    }),
    vi: (p) => ({
      message: `${p.path} đã có; tệp được giữ nguyên`,
      hint: 'Thêm --force để ghi đè, hoặc chọn đường dẫn -o khác.',
    }),
  },
  'bad-output': { en: badOutput, vi: badOutputVi },
  'write-failed': {
    en: (p) => ({ message: `cannot write ${p.path}: ${p.detail}` }),
    vi: (p) => ({ message: `không ghi được ${p.path}: ${p.detail}` }),
  },
} satisfies Record<string, Entry>;
