import { q, type Entry, type ProblemParams, type Text } from './text.js';

/** Criteria sets: finding, parsing and checking them. */

const SET_FILE_HINT = 'Fix the criteria-set file; `ntm sets show ID` shows a set once it loads.';
const SET_FILE_HINT_VI = 'Sửa lại tệp bộ tiêu chí; lệnh `ntm sets show ID` hiển thị bộ tiêu chí khi tệp đã đọc được.';
const ONE_NAME_HINT = 'A survey column is matched to a criterion by its name: give each criterion its own.';
const ONE_ID_HINT = "An indicator id names one indicator in the whole set; ids follow the decision's numbering.";

/** A YAML value as load-yaml's `found` describes it. */
function found(p: ProblemParams): string {
  if (p.found === 'null') return 'null';
  if (p.found === 'list') return 'a list';
  if (p.found === 'mapping') return 'a mapping';
  return `${p.found} ${p.value}`;
}

function foundVi(p: ProblemParams): string {
  const kinds: Record<string, string> = {
    null: 'null',
    list: 'một danh sách',
    mapping: 'một bảng khoá–giá trị',
    string: 'chuỗi',
    number: 'số',
    boolean: 'giá trị true/false',
  };
  return `${kinds[String(p.found)] ?? p.found}${p.value !== undefined ? ` ${p.value}` : ''}`;
}

/** zod's names of the types a key expects. */
const TYPES_VI: Record<string, string> = {
  number: 'một số',
  string: 'một chuỗi ký tự',
  boolean: 'true hoặc false',
  array: 'một danh sách',
  object: 'một bảng khoá–giá trị',
};
const typeVi = (t: unknown) => TYPES_VI[String(t)] ?? String(t);

const TARGETS_FILE_HINT = 'Fix the targets file (--targets); its format is in the README.';
const TARGETS_FILE_HINT_VI = 'Sửa lại tệp chỉ tiêu kế hoạch (--targets); định dạng tệp xem trong README.';
/** A YAML file ntm reads is a criteria set or a targets file (`format`, the kind of its schema problems). */
const isTargets = (p: ProblemParams) => p.format === 'targets-schema';
const fileHint = (p: ProblemParams) => (isTargets(p) ? TARGETS_FILE_HINT : SET_FILE_HINT);
const fileHintVi = (p: ProblemParams) => (isTargets(p) ? TARGETS_FILE_HINT_VI : SET_FILE_HINT_VI);

function schemaIssue(p: ProblemParams, hint = SET_FILE_HINT): Text {
  switch (p.issue) {
    case 'unknown-key':
      return {
        message: `unknown key ${q(p.key)}${p.at ? ` in ${p.at}` : ''}`,
        hint: p.guess ? `did you mean ${q(p.guess)}?` : `allowed keys: ${p.allowed}`,
      };
    case 'missing-key':
      return { message: `missing key ${q(p.key)} (expected ${p.expected})`, hint };
    case 'wrong-type':
      return { message: `${p.key}: expected ${p.expected}, found ${found(p)}`, hint };
    case 'not-one-of':
      return { message: `${p.key}: expected one of ${p.values}`, hint };
    case 'invalid':
      return { message: `${p.key}: not a valid value here (${found(p)})`, hint };
    default:
      return { message: `${p.key}: ${p.detail}`, hint };
  }
}

function schemaIssueVi(p: ProblemParams, hint = SET_FILE_HINT_VI): Text {
  switch (p.issue) {
    case 'unknown-key':
      return {
        message: `khoá ${q(p.key)} không hợp lệ${p.at ? ` trong ${p.at}` : ''}`,
        hint: p.guess ? `Có phải ý bạn là ${q(p.guess)}?` : `Các khoá được phép: ${p.allowed}`,
      };
    case 'missing-key':
      return { message: `thiếu khoá ${q(p.key)} (cần ${typeVi(p.expected)})`, hint };
    case 'wrong-type':
      return { message: `${p.key}: cần ${typeVi(p.expected)}, nhưng gặp ${foundVi(p)}`, hint };
    case 'not-one-of':
      return { message: `${p.key}: phải là một trong các giá trị ${p.values}`, hint };
    case 'invalid':
      return { message: `${p.key}: giá trị không hợp lệ ở đây (${foundVi(p)})`, hint };
    default:
      return { message: `${p.key}: ${p.detail}`, hint };
  }
}

/** What is wrong with a threshold value (check-set's leaf checks), after "threshold VALUE". */
function wrongValue(p: ProblemParams): string {
  switch (p.issue) {
    case 'between':
      return 'must be [low, high] for "between"';
    case 'range':
      return 'is a range, which only "between" takes';
    case 'boolean':
      return 'must be true or false';
    case 'level':
      return `must be one of the levels (${p.levels})`;
    case 'number':
      // A relative threshold is shown as its `relative_to` object; a number never starts with "{".
      return String(p.value).startsWith('{')
        ? 'is relative to another set, which only a number compared with >=, <= or == can be'
        : `must be a number (type ${p.type})`;
    case 'percent-range':
      return 'is a percentage outside 0–100';
    case 'count':
      return 'must be a whole number, 0 or more (type count)';
    default:
      return '';
  }
}

function thresholdIssue(p: ProblemParams): Text {
  const head = `set ${q(p.set)}, indicator ${p.indicator}: `;
  switch (p.issue) {
    case 'region':
      return { message: `${head}region ${q(p.region)} is not a region code`, hint: `Use one of ${p.regions}.` };
    case 'value-of':
      return {
        message: `${head}"by_value_of" names ${p.target}, which is not a number indicator of criterion ${p.criterion}`,
        hint: `Name an indicator of criterion ${p.criterion} of type count, number or percent.`,
      };
    case 'relative': {
      const what =
        p.case === 'no-indicator'
          ? `set ${q(p.target)} has no indicator ${q(p.targetIndicator)}`
          : `${q(p.target)} is not another known set`;
      return {
        message: `${head}its threshold is relative to indicator ${p.targetIndicator} of ${q(p.target)}, but ${what}`,
        hint: 'Name a set listed by `ntm sets list` (not this one) and one of its indicator ids.',
      };
    }
    case 'comparison':
      return {
        message: `${head}compares a ${p.type} with "${p.comparison}"; yes/no values take only "=="`,
        hint: 'Leave out "comparison": yes/no indicators compare with ==.',
      };
    case 'levels-unused':
      return {
        message: `${head}lists "levels" but is of type ${p.type}`,
        hint: 'Give "type: level", or remove "levels".',
      };
    case 'percent-unit':
      return {
        message: `${head}is a percentage with unit "${p.unit}"; a percentage takes "%" or "ratio"`,
        hint: 'Use unit "%" (surveys give 80,5) or "ratio" (surveys give 0,805).',
      };
    default:
      return { message: `${head}threshold ${p.value}${p.where ? ` (${p.where})` : ''} ${wrongValue(p)}` };
  }
}

function thresholdIssueVi(p: ProblemParams): Text {
  const head = `bộ ${q(p.set)}, chỉ tiêu ${p.indicator}: `;
  if (p.issue === 'region') {
    return {
      message: `${head}vùng ${q(p.region)} không phải là mã vùng`,
      hint: `Dùng một trong các vùng: ${p.regions}.`,
    };
  }
  if (p.issue === 'value-of') {
    return {
      message: `${head}"by_value_of" ghi chỉ tiêu ${p.target}, không phải chỉ tiêu dạng số của tiêu chí ${p.criterion}`,
      hint: `Ghi một chỉ tiêu của tiêu chí ${p.criterion} có kiểu count, number hoặc percent.`,
    };
  }
  if (p.issue === 'relative') {
    return {
      message:
        `${head}ngưỡng được tính theo chỉ tiêu ${p.targetIndicator} của bộ ${q(p.target)}, ` +
        'nhưng không tìm thấy chỉ tiêu đó',
      hint: 'Ghi một bộ khác có trong `ntm sets list` và một mã chỉ tiêu của bộ đó.',
    };
  }
  const wrong: Record<string, string> = {
    between: 'phải có dạng [thấp, cao] khi so sánh "between"',
    range: 'là một khoảng, mà chỉ phép so sánh "between" mới nhận khoảng',
    boolean: 'phải là true hoặc false',
    level: `phải là một trong các mức (${p.levels})`,
    number: `phải là một số (kiểu ${p.type})`,
    'percent-range': 'là tỷ lệ phần trăm nằm ngoài khoảng 0–100',
    count: 'phải là số nguyên từ 0 trở lên (kiểu count)',
  };
  if (p.issue === 'comparison') {
    return {
      message: `${head}so sánh giá trị ${p.type} bằng "${p.comparison}"; giá trị có/không chỉ so sánh bằng "=="`,
      hint: 'Bỏ "comparison": chỉ tiêu có/không luôn so sánh bằng ==.',
    };
  }
  if (p.issue === 'levels-unused') {
    return {
      message: `${head}có liệt kê "levels" nhưng có kiểu ${p.type}`,
      hint: 'Ghi "type: level", hoặc bỏ "levels".',
    };
  }
  if (p.issue === 'percent-unit') {
    return {
      message: `${head}là tỷ lệ phần trăm nhưng có đơn vị "${p.unit}"; tỷ lệ phần trăm chỉ nhận "%" hoặc "ratio"`,
      hint: 'Dùng đơn vị "%" (số liệu ghi 80,5) hoặc "ratio" (số liệu ghi 0,805).',
    };
  }
  const where = p.where ? ` (${p.where})` : '';
  return { message: `${head}ngưỡng ${p.value}${where} ${wrong[String(p.issue)] ?? ''}`.trimEnd() };
}

function duplicateId(p: ProblemParams): Text {
  if (p.what === 'indicator-elsewhere') {
    return {
      message:
        `indicator id ${q(p.id)} in criterion ${q(p.criterion)}${p.set ? ` of set ${q(p.set)}` : ''} ` +
        `is also in criterion ${q(p.other)}${p.first ? ` (line ${p.first})` : ''}`,
      hint: ONE_ID_HINT,
    };
  }
  const what =
    p.what === 'indicator'
      ? `indicator id ${q(p.id)} in criterion ${q(p.criterion)}`
      : `criterion id ${q(p.id)} in set ${q(p.set)}`;
  return {
    message: `${what} appears twice (first on line ${p.first})`,
    hint:
      "Each id must be unique; ids follow the decision's numbering. " +
      'To change an inherited criterion, list it once with the fields that differ.',
  };
}

function duplicateIdVi(p: ProblemParams): Text {
  if (p.what === 'indicator-elsewhere') {
    return {
      message:
        `mã chỉ tiêu ${q(p.id)} trong tiêu chí ${q(p.criterion)}${p.set ? ` của bộ ${q(p.set)}` : ''} ` +
        `cũng có trong tiêu chí ${q(p.other)}${p.first ? ` (dòng ${p.first})` : ''}`,
      hint: 'Mỗi mã chỉ tiêu chỉ dùng cho một chỉ tiêu trong cả bộ; mã đánh số theo quyết định.',
    };
  }
  const what =
    p.what === 'indicator'
      ? `mã chỉ tiêu ${q(p.id)} trong tiêu chí ${q(p.criterion)}`
      : `mã tiêu chí ${q(p.id)} trong bộ ${q(p.set)}`;
  return {
    message: `${what} xuất hiện hai lần (lần đầu ở dòng ${p.first})`,
    hint:
      'Mỗi mã chỉ được dùng một lần; mã đánh số theo quyết định. ' +
      'Muốn sửa một tiêu chí kế thừa, chỉ ghi tiêu chí đó một lần với những trường khác đi.',
  };
}

export const SETS = {
  'missing-sets-dir': {
    en: (p) => ({ message: `criteria-set folder ${p.dir} does not exist`, hint: 'Check the --sets or NTM_SETS path.' }),
    vi: (p) => ({
      message: `không có thư mục bộ tiêu chí ${p.dir}`,
      hint: 'Kiểm tra lại đường dẫn --sets hoặc NTM_SETS.',
    }),
  },
  'duplicate-set': {
    en: (p) => ({
      message: `set id ${q(p.id)} is defined twice: ${p.first} and ${p.second}`,
      hint: 'Give your own set another id (and `extends` the shipped one if it is a variant).',
    }),
    vi: (p) => ({
      message: `mã bộ tiêu chí ${q(p.id)} được khai báo hai lần: ${p.first} và ${p.second}`,
      hint: 'Đặt cho bộ tiêu chí của bạn một mã khác (và dùng `extends` bộ có sẵn nếu đó là một biến thể).',
    }),
  },
  'yaml-syntax': {
    en: (p) => ({ message: `YAML syntax error: ${p.detail}`, hint: fileHint(p) }),
    vi: (p) => ({ message: `lỗi cú pháp YAML: ${p.detail}`, hint: fileHintVi(p) }),
  },
  'yaml-alias-bomb': {
    en: (p) => ({
      message:
        `YAML aliases expand too far (${p.detail}): ${isTargets(p) ? 'a targets file' : 'a criteria set'} ` +
        `needs at most ${p.max} alias expansions, ` +
        'and a file that nests aliases is a "billion laughs" attack',
      hint: 'Write the values out instead of nesting aliases (*name) of aliases.',
    }),
    vi: (p) => ({
      message:
        `các bí danh (alias) YAML bung ra quá lớn (${p.detail}): ` +
        `${isTargets(p) ? 'một tệp chỉ tiêu' : 'một bộ tiêu chí'} chỉ cần tối đa ${p.max} lần ` +
        'bung bí danh, còn tệp lồng bí danh vào nhau là kiểu tấn công "billion laughs"',
      hint: 'Viết thẳng các giá trị ra thay vì lồng bí danh (*tên) của bí danh.',
    }),
  },
  'criteria-set-schema': { en: (p) => schemaIssue(p), vi: (p) => schemaIssueVi(p) },
  'targets-schema': {
    en: (p) => schemaIssue(p, TARGETS_FILE_HINT),
    vi: (p) => schemaIssueVi(p, TARGETS_FILE_HINT_VI),
  },
  'duplicate-id': { en: duplicateId, vi: duplicateIdVi },
  'set-too-large': {
    en: (p) => ({
      message: `the criteria-set file is ${p.size} MB; a set is at most ${p.max} MB`,
      hint: 'Check that this is a criteria set: the shipped ones are under 100 kB.',
    }),
    vi: (p) => ({
      message: `tệp bộ tiêu chí nặng ${p.size} MB; một bộ tiêu chí tối đa ${p.max} MB`,
      hint: 'Kiểm tra xem đây có phải là bộ tiêu chí không: các bộ có sẵn đều dưới 100 kB.',
    }),
  },
  'min-criteria': {
    en: (p) => ({
      message: `set ${q(p.set)} requires at least ${p.min} criteria met but has only ${p.count}`,
      hint: 'Correct min_criteria from the decision: no unit could ever reach it.',
    }),
    vi: (p) => ({
      message: `bộ ${q(p.set)} yêu cầu đạt ít nhất ${p.min} tiêu chí nhưng chỉ có ${p.count} tiêu chí`,
      hint: 'Sửa min_criteria theo quyết định: không đơn vị nào đạt được con số này.',
    }),
  },
  'forbidden-key': {
    en: (p) => ({
      message: `the key ${q(p.key)} is not allowed in a criteria set`,
      hint: 'Remove it: no field of a set has this name, and it could change how the program behaves.',
    }),
    vi: (p) => ({
      message: `không được dùng khóa ${q(p.key)} trong bộ tiêu chí`,
      hint:
        'Xóa khóa này: bộ tiêu chí không có trường nào tên như vậy, ' +
        'và nó có thể làm thay đổi cách chương trình chạy.',
    }),
  },
  'number-id': {
    en: (p) => ({
      message: `${p.key} ${p.text} is read by YAML as the number ${p.value}`,
      hint: `Write it in quotes: ${p.key}: "${p.text}".`,
    }),
    vi: (p) => ({
      message: `${p.key} ${p.text} bị YAML đọc thành số ${p.value}`,
      hint: `Ghi trong dấu nháy: ${p.key}: "${p.text}".`,
    }),
  },
  'duplicate-name': {
    en: (p) => ({
      message:
        `criteria ${q(p.other)} and ${q(p.id)}${p.set ? ` of set ${q(p.set)}` : ''} have the same name ${q(p.name)}` +
        `${p.first ? ` (first on line ${p.first})` : ''}`,
      hint: ONE_NAME_HINT,
    }),
    vi: (p) => ({
      message:
        `tiêu chí ${q(p.other)} và ${q(p.id)}${p.set ? ` của bộ ${q(p.set)}` : ''} trùng tên ${q(p.name)}` +
        `${p.first ? ` (lần đầu ở dòng ${p.first})` : ''}`,
      hint: 'Cột của bảng điều tra được khớp với tiêu chí theo tên: mỗi tiêu chí cần một tên riêng.',
    }),
  },
  'empty-map': {
    en: (p) => ({ message: `${p.key} is empty`, hint: `List at least one value under ${p.key}, or remove it.` }),
    vi: (p) => ({
      message: `${p.key} không có giá trị nào`,
      hint: `Ghi ít nhất một giá trị trong ${p.key}, hoặc bỏ ${p.key} đi.`,
    }),
  },
  'criteria-set-threshold': { en: thresholdIssue, vi: thresholdIssueVi },
  'unsourced-threshold': {
    en: (p) => ({
      message:
        `indicator ${p.indicator} of set ${q(p.set)}: ` +
        `the threshold${p.where ? ` (${p.where})` : ''} cites nothing`,
      hint:
        'Add `source:` (decision, article or annex, table) to the indicator or the value, ' +
        'and `verified: true` only if its text was read.',
    }),
    vi: (p) => ({
      message: `chỉ tiêu ${p.indicator} của bộ ${q(p.set)}: ngưỡng${p.where ? ` (${p.where})` : ''} không ghi nguồn`,
      hint:
        'Thêm `source:` (quyết định, điều hoặc phụ lục, bảng) cho chỉ tiêu hoặc cho giá trị, ' +
        'và chỉ ghi `verified: true` khi đã đọc văn bản gốc.',
    }),
  },
  'unknown-set': {
    en: (p) => ({ message: `no criteria set ${q(p.id)}`, hint: '`ntm sets list` shows the sets ntm knows' }),
    vi: (p) => ({
      message: `không có bộ tiêu chí ${q(p.id)}`,
      hint: 'Lệnh `ntm sets list` liệt kê các bộ tiêu chí ntm biết.',
    }),
  },
  'extends-cycle': {
    en: (p) => ({
      message: `"extends" forms a cycle: ${p.chain}`,
      hint: 'A set can extend another only if that one does not lead back to it.',
    }),
    vi: (p) => ({
      message: `"extends" tạo thành vòng lặp: ${p.chain}`,
      hint: 'Một bộ chỉ mở rộng được từ bộ khác khi bộ đó không dẫn ngược về nó.',
    }),
  },
  'extends-missing': {
    en: (p) => ({
      message: `set ${q(p.set)} extends ${q(p.parent)}, which is not a known set`,
      hint: p.guess
        ? `did you mean ${q(p.guess)}?`
        : 'Name a set listed by `ntm sets list`, or add its folder with --sets DIR.',
    }),
    vi: (p) => ({
      message: `bộ ${q(p.set)} mở rộng từ ${q(p.parent)}, nhưng không có bộ tiêu chí nào như vậy`,
      hint: p.guess
        ? `Có phải ý bạn là ${q(p.guess)}?`
        : 'Ghi tên một bộ có trong `ntm sets list`, hoặc thêm thư mục chứa bộ đó bằng --sets DIR.',
    }),
  },
  'missing-name': {
    en: (p) => ({ message: `criterion ${q(p.criterion)} has no name`, hint: 'Give the name the decision uses.' }),
    vi: (p) => ({ message: `tiêu chí ${q(p.criterion)} chưa có tên`, hint: 'Ghi tên tiêu chí như trong quyết định.' }),
  },
  'incomplete-indicator': {
    en: (p) => ({
      message: `indicator ${q(p.indicator)} (criterion ${q(p.criterion)}) needs ${q(p.field)}`,
      hint: 'A new indicator needs a name and a type (percent, number, count, boolean, pass, level).',
    }),
    vi: (p) => ({
      message: `chỉ tiêu ${q(p.indicator)} (tiêu chí ${q(p.criterion)}) cần có ${q(p.field)}`,
      hint: 'Chỉ tiêu mới cần có tên (name) và kiểu (type: percent, number, count, boolean, pass, level).',
    }),
  },
  'missing-levels': {
    en: (p) => ({
      message: `indicator ${q(p.indicator)} (criterion ${q(p.criterion)}) is of type "level" but lists no "levels"`,
      hint: 'List the levels from lowest to highest.',
    }),
    vi: (p) => ({
      message:
        `chỉ tiêu ${q(p.indicator)} (tiêu chí ${q(p.criterion)}) có kiểu "level" ` +
        'nhưng không liệt kê các mức ("levels")',
      hint: 'Liệt kê các mức từ thấp đến cao.',
    }),
  },
} satisfies Record<string, Entry>;
