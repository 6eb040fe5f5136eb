import type { Problem, ProblemParams } from '../problems.js';

/**
 * Every problem ntm reports, in Vietnamese: one entry per `kind`, built from the problem's
 * `params` (the English text stays in `message` / `hint`). `Problem.kind` is typed by this table's
 * keys, so a new kind does not compile until it has its Vietnamese text.
 * Text quoted from libraries (a YAML parser's or zod's message, a system error) stays as it is.
 */
type Text = { message: string; hint?: string };
type Entry = (p: ProblemParams) => Text;

/** Quoted as the English text quotes: "…". */
const q = (v: unknown) => `"${v}"`;
const levelWord = (level: unknown) => (level === 'thon' ? 'thôn' : level === 'xa' ? 'xã' : 'huyện');
const unitName = (p: ProblemParams) => `${p.unit}${p.parent ? ` (${p.parent})` : ''}`;
const met = (v: unknown) => (v === 'met' ? 'đạt' : 'không đạt');

/** What a path given as a set file is instead (registry.ts). */
const SPECIAL_FILE: Record<string, string> = { 'a folder': 'một thư mục', 'a FIFO (named pipe)': 'một FIFO (đường ống có tên)', 'a socket': 'một socket', 'a device': 'một thiết bị' };

const SET_FILE_HINT = 'Sửa lại tệp bộ tiêu chí; lệnh `ntm sets show ID` hiển thị bộ tiêu chí khi tệp đã đọc được.';
const CHECK_ROW_HINT = 'hãy kiểm tra dòng này trong bảng tính.';
const RESAVE_VI =
  'Mở tệp trong Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)", hoặc lưu trang tính dưới dạng "CSV UTF-8".';
const HEADER_HINT_VI =
  'Dòng tiêu đề cần có các cột mang tên tiêu chí (ví dụ "Giao thông", "17.1") và một cột tên đơn vị ' +
  '(ví dụ "Tên thôn"). Lệnh `ntm sets show ID` liệt kê các tên này.';

/** What a survey cell should hold (parse-value's `want`). */
function wanted(p: ProblemParams): string {
  switch (p.want) {
    case 'mark':
      return '1, x, ✓, Đạt, có, yes, true (đạt) hoặc 0, Không đạt, không, no, false, để trống (không đạt), ? (chưa có số liệu)';
    case 'yes-no':
      return 'Có hoặc Không';
    case 'pass':
      return 'Đạt hoặc Không đạt';
    case 'level':
      return `một trong các mức: ${p.levels}`;
    case 'count':
      return 'một số nguyên không âm';
    case 'percent-range':
      return 'một tỷ lệ phần trăm từ 0 đến 100';
    case 'percent':
      return 'một tỷ lệ phần trăm, ví dụ 80,5% hoặc 80.5';
    case 'ratio':
      return 'một tỷ lệ từ 0 đến 1 (bộ tiêu chí ghi chỉ tiêu này dưới dạng tỷ lệ)';
    case 'number':
      if (p.sign === 'negative') return `một số không âm${p.unit ? ` tính bằng ${p.unit}` : ''}`;
      return `một số${p.unit ? ` tính bằng ${p.unit}` : ''}${p.not !== undefined ? ` (không phải ${q(p.not)})` : ''}`;
    case 'total':
      return 'số tiêu chí đạt, là một số nguyên';
    case 'group':
      return 'nhóm xã: 1, 2 hoặc 3 (để trống thì dùng --group)';
    default:
      return String(p.expected);
  }
}

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

/** A YAML value as load-yaml's `found` describes it. */
function foundVi(p: ProblemParams): string {
  const kinds: Record<string, string> = { null: 'null', list: 'một danh sách', mapping: 'một bảng khoá–giá trị', string: 'chuỗi', number: 'số', boolean: 'giá trị true/false' };
  return `${kinds[String(p.found)] ?? p.found}${p.value !== undefined ? ` ${p.value}` : ''}`;
}

/** zod's names of the types a key expects. */
const TYPES_VI: Record<string, string> = { number: 'một số', string: 'một chuỗi ký tự', boolean: 'true hoặc false', array: 'một danh sách', object: 'một bảng khoá–giá trị' };
const typeVi = (t: unknown) => TYPES_VI[String(t)] ?? String(t);

const TARGETS_FILE_HINT = 'Sửa lại tệp chỉ tiêu kế hoạch (--targets); định dạng tệp xem trong README.';
/** A YAML problem's hint: the file it is in is a criteria set or a targets file (`format`). */
const fileHint = (p: ProblemParams) => (p.format === 'targets-schema' ? TARGETS_FILE_HINT : SET_FILE_HINT);
const aliasFileVi = (p: ProblemParams) => (p.format === 'targets-schema' ? 'một tệp chỉ tiêu' : 'một bộ tiêu chí');

function schemaIssue(p: ProblemParams, hint = SET_FILE_HINT): Text {
  switch (p.issue) {
    case 'unknown-key':
      return { message: `khoá ${q(p.key)} không hợp lệ${p.at ? ` trong ${p.at}` : ''}`, hint: p.guess ? `Có phải ý bạn là ${q(p.guess)}?` : `Các khoá được phép: ${p.allowed}` };
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

function thresholdIssue(p: ProblemParams): Text {
  const head = `bộ ${q(p.set)}, chỉ tiêu ${p.indicator}: `;
  if (p.issue === 'region') return { message: `${head}vùng ${q(p.region)} không phải là mã vùng`, hint: `Dùng một trong các vùng: ${p.regions}.` };
  if (p.issue === 'value-of') {
    return { message: `${head}"by_value_of" ghi chỉ tiêu ${p.target}, không phải chỉ tiêu dạng số của tiêu chí ${p.criterion}`, hint: `Ghi một chỉ tiêu của tiêu chí ${p.criterion} có kiểu count, number hoặc percent.` };
  }
  if (p.issue === 'relative') {
    return {
      message: `${head}ngưỡng được tính theo chỉ tiêu ${p.targetIndicator} của bộ ${q(p.target)}, nhưng không tìm thấy chỉ tiêu đó`,
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
  if (p.issue === 'comparison') return { message: `${head}so sánh giá trị ${p.type} bằng "${p.comparison}"; giá trị có/không chỉ so sánh bằng "=="`, hint: 'Bỏ "comparison": chỉ tiêu có/không luôn so sánh bằng ==.' };
  if (p.issue === 'levels-unused') return { message: `${head}có liệt kê "levels" nhưng có kiểu ${p.type}`, hint: 'Ghi "type: level", hoặc bỏ "levels".' };
  if (p.issue === 'percent-unit') return { message: `${head}là tỷ lệ phần trăm nhưng có đơn vị "${p.unit}"; tỷ lệ phần trăm chỉ nhận "%" hoặc "ratio"`, hint: 'Dùng đơn vị "%" (số liệu ghi 80,5) hoặc "ratio" (số liệu ghi 0,805).' };
  return { message: `${head}ngưỡng ${p.value}${p.where ? ` (${p.where})` : ''} ${wrong[String(p.issue)] ?? ''}`.trimEnd() };
}

export const PROBLEMS_VI = {
  // Survey files: opening and reading
  'unreadable-file': (p) =>
    p.case === 'not-a-set-file'
      ? { message: `${p.path} là ${SPECIAL_FILE[String(p.what)] ?? p.what}, không phải tệp bộ tiêu chí`, hint: 'Hãy đưa tệp YAML của một bộ tiêu chí.' }
      : p.case === 'folder'
        ? { message: `${p.path} là một thư mục, không phải tệp CSV` }
        : p.case === 'read'
          ? { message: `không đọc được ${p.path}: ${p.detail}` }
          : { message: `không mở được ${p.path}: ${p.case === 'no-such-file' ? 'không có tệp này' : p.detail}`, hint: 'Kiểm tra lại đường dẫn.' },
  'bad-encoding': (p) => ({ message: `không biết bảng mã ${q(p.encoding)}`, hint: 'Dùng utf-8, windows-1258 hoặc tcvn3.' }),
  'binary-file': () => ({ message: 'đây không phải tệp văn bản (tệp chứa dữ liệu nhị phân)', hint: 'Trong Excel, lưu bảng tính dưới dạng "CSV UTF-8 (Comma delimited)" rồi đưa tệp đó cho ntm.' }),
  'old-excel': () => ({
    message: 'đây là sổ tính Excel 97–2003 (.xls), ntm chưa đọc được định dạng này',
    hint: 'Mở tệp trong Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8".',
  }),
  'bad-workbook': (p) => ({
    message: p.case === 'no-sheets' ? 'sổ tính này không có trang tính nào' : `không đọc được sổ tính: ${p.detail}`,
    hint: RESAVE_VI,
  }),
  'no-such-sheet': (p) => ({
    message: `sổ tính không có trang tính ${q(p.sheet)}; các trang tính: ${p.sheets}`,
    hint: 'Ghi --sheet là tên trang tính hoặc số thứ tự của nó (1 là trang đầu tiên).',
  }),
  'several-sheets': (p) => ({
    message: `${p.count} trang tính có dòng tiêu đề khớp với một bộ tiêu chí: ${p.sheets}`,
    hint: `Chọn một trang bằng --sheet, ví dụ --sheet ${q(p.first)} (hoặc số thứ tự, --sheet ${p.position}).`,
  }),
  'no-sheet-fits': (p) => ({
    message:
      'không trang tính nào của sổ tính có dòng tiêu đề ghi tên các tiêu chí của một bộ tiêu chí đã biết ' +
      `(các trang: ${p.sheets})`,
    hint: HEADER_HINT_VI,
  }),
  'ambiguous-number': (p) => ({
    message:
      `chuỗi ${q(p.text)} đọc được thành hai số khác nhau: ` +
      'dấu phân cách có thể là dấu phân nhóm nghìn hoặc dấu thập phân',
    hint: 'Nhập con số dưới dạng số (không phải văn bản), hoặc viết không có dấu phân nhóm nghìn.',
  }),
  'formula-no-value': (p) =>
    p.case === 'uncached'
      ? {
          message: `công thức =${p.formula} chưa có giá trị được lưu (sổ tính chưa được tính toán)`,
          hint: 'Mở sổ tính trong Excel (hoặc LibreOffice) để tính toán rồi lưu lại; hoặc nhập giá trị.',
        }
      : { message: `công thức =${p.formula} cho ra lỗi`, hint: 'Sửa công thức hoặc nhập giá trị.' },
  'legacy-encoding': () => ({
    message: 'tệp này không dùng bảng mã UTF-8: có vẻ là bảng mã tiếng Việt cũ (Windows-1258 hoặc TCVN3/ABC)',
    hint: 'Lưu lại từ Excel dưới dạng "CSV UTF-8", hoặc cho ntm biết bảng mã: --encoding windows-1258 (hoặc --encoding tcvn3).',
  }),
  'wrong-encoding': (p) => ({
    message: `đọc theo bảng mã ${p.encoding}, tệp này cho ra những từ không phải tiếng Việt (${p.words}): tệp không dùng bảng mã ${p.encoding}`,
    hint: p.option ? `Tệp đọc đúng theo bảng mã ${p.right}: dùng --encoding ${p.option}.` : 'Tệp dùng bảng mã UTF-8: bỏ --encoding đi.',
  }),
  'empty-file': () => ({ message: 'tệp trống', hint: 'Cần một tệp CSV có dòng tiêu đề ghi tên các tiêu chí và mỗi đơn vị một dòng.' }),
  'no-header': (p) => ({
    message: `không tìm thấy dòng tiêu đề ghi tên các tiêu chí ${p.set ? `của bộ ${q(p.set)}` : 'của một bộ tiêu chí đã biết'} trong ${p.rows} dòng đầu`,
    hint: 'Dòng tiêu đề cần có các cột mang tên tiêu chí (ví dụ "Giao thông", "17.1") và một cột tên đơn vị (ví dụ "Tên thôn"). Lệnh `ntm sets show ID` liệt kê các tên này.',
  }),
  'ambiguous-set': (p) => ({ message: `dòng tiêu đề khớp như nhau với ${p.count} bộ tiêu chí: ${p.sets}`, hint: `Chọn một bộ bằng --set, ví dụ --set ${p.first}.` }),
  'no-units': (p) => ({
    message: 'tệp có dòng tiêu đề nhưng không có dòng đơn vị nào',
    hint: `Thêm mỗi ${levelWord(p.level)} một dòng dưới dòng tiêu đề; bảng xuất ra trước khi điền số liệu thì chưa có dòng nào.`,
  }),
  'duplicate-label': (p) => ({ message: `cột ${p.column} ${q(p.header)} trùng nghĩa với cột ${p.first} ${q(p.firstHeader)}`, hint: 'Xoá hoặc đổi tên một trong hai cột.' }),
  'missing-label': (p) => ({ message: `không có cột tên ${levelWord(p.level)}`, hint: `Đặt tiêu đề cột là "Tên ${levelWord(p.level)}".` }),
  'extra-label': (p) => ({
    message: `các cột không được dùng (không có tiêu chí hay chỉ tiêu nào của bộ ${q(p.set)} mang tên này): ${p.columns}`,
    hint: `Đổi tên cột thành mã hoặc tên tiêu chí để ntm đọc cột đó; lệnh \`ntm sets show ${p.set}\` liệt kê các tên.`,
  }),
  'duplicate-unit': (p) => ({ message: `${q(p.unit)}${p.parent ? ` (${p.parent})` : ''} xuất hiện hai lần: dòng ${p.first} và dòng ${p.line}`, hint: 'Mỗi đơn vị chỉ có một dòng; hãy gộp hoặc xoá bớt một dòng.' }),
  'total-mismatch': (p) => ({
    message: `${unitName(p)}: tổng số tiêu chí đạt ghi ${p.total} nhưng các ô đánh dấu cộng lại là ${p.marks}`,
    hint: 'ntm tính theo các ô đánh dấu; hãy sửa lại cột tổng hoặc các ô đánh dấu.',
  }),
  'blank-row': (p) => ({ message: `bỏ qua dòng không ghi tên đơn vị: ${q(p.text)}` }),
  'total-row-mismatch': (p) => ({
    message: `${p.row === 'section' ? 'dòng tiêu đề mục' : 'dòng tổng'} ${q(p.label)} không khớp với các dòng phía trên ở ${p.count} cột: ${p.columnsVi}`,
    hint: 'ntm không coi dòng tổng là một đơn vị và tự đếm các dòng; hãy sửa lại dòng tổng hoặc các dòng.',
  }),
  'merged-parent': (p) => ({
    message: `cột ${q(p.header)} có ô để trống (ô đầu tiên ở đây, dưới ${q(p.parent)}): hiểu là ô gộp, mỗi ô trống lấy tên ở ô phía trên`,
    hint: 'Nếu ô trống có nghĩa khác, hãy điền đầy đủ cột này.',
  }),
  'percent-fractions': (p) => ({
    message: `cột ${p.columns} ghi tỷ lệ phần trăm dưới dạng phân số của 1, như Excel xuất các ô định dạng phần trăm: đọc thành phần trăm (${q(p.value)} là ${String(p.percent).replace('.', ',')} %)`,
    hint: 'Nếu đó là phần trăm như đã ghi (dưới 1 %), hãy thêm --percent-as-is.',
  }),
  'mixed-column': (p) =>
    p.which === 'either'
      ? {
          message: `cột ${q(p.header)} vừa có ô đánh dấu tiêu chí vừa có giá trị chỉ tiêu (${q(p.first)}, dòng ${p.firstLine}; ${q(p.second)}, dòng ${p.secondLine})`,
          hint: `Tách thành hai cột: cột đánh dấu ghi tiêu đề "TC${p.criterion ?? ''}", cột giá trị ghi "${p.indicator ?? ''} ${p.indicatorName ?? ''}".`,
        }
      : {
          message: `cột ${q(p.header)} vừa có phân số của 1 (${q(p.fraction)}, dòng ${p.fractionLine}) vừa có tỷ lệ phần trăm (${q(p.percent)}, dòng ${p.percentLine})`,
          hint: 'Ghi mọi giá trị của cột theo một cách: đều là phần trăm (29,8 hoặc 29,8%) hoặc đều là phân số (0,298); thêm --percent-as-is nếu các giá trị nhỏ là phần trăm dưới 1 %.',
        },
  'undecided-column': (p) =>
    p.which === 'either'
      ? {
          message: `cột ${q(p.header)}: ${q(p.value)} có thể là ô đánh dấu tiêu chí (đạt / không đạt) hoặc giá trị của chỉ tiêu ${p.indicator}; không ô nào trong cột cho biết là loại nào`,
          hint: `Ghi tiêu đề cột là "TC${p.criterion}" nếu cột đánh dấu tiêu chí, hoặc "${p.indicator} ${p.indicatorName}" nếu cột ghi giá trị.`,
        }
      : {
          message: `cột ${q(p.header)}: ${q(p.value)} có thể là 1 % hoặc 100 % (phân số của 1); không giá trị nào khác trong cột cho biết là loại nào`,
          hint: 'Ghi rõ 1% hoặc 100%; thêm --percent-as-is nếu cột ghi phần trăm như đã viết.',
        },
  'foreign-delimiter': (p) => ({
    message: `dòng này dùng dấu phân cách ${p.other} nhưng tệp dùng ${p.delimiter}: ${q(p.text)}`,
    hint: `Nhập lại dòng này với dấu ${p.delimiter} giữa các ô (có lẽ dòng được dán từ một tệp khác).`,
  }),
  'missing-cell': () => ({ message: 'dòng này có kết quả đánh giá hoặc số liệu nhưng không có tên đơn vị', hint: 'Điền tên đơn vị, hoặc xoá dòng này.' }),
  'ragged-row': (p) =>
    p.extra === undefined
      ? { message: `dòng này có ${p.cells} ô nhưng dòng tiêu đề có ${p.width} cột`, hint: `Thiếu một ô, hoặc một dấu phân cách thừa đã tách một ô làm hai; ${CHECK_ROW_HINT}` }
      : {
          message: `dòng này có ${p.cells} ô nhưng dòng tiêu đề có ${p.width} cột: ô ${p.extra} (${q(p.text)}) không thuộc cột nào`,
          hint: `Một dấu phân cách thừa đã tách một ô làm hai, hoặc dòng tiêu đề thiếu một cột; ${CHECK_ROW_HINT}`,
        },
  'type-error': (p) => ({
    message: `cột ${q(p.header)}: ${p.range === 'out' ? 'giá trị nằm ngoài khoảng cho phép' : 'không đọc được ô'}: “${p.value}” — cần ${wanted(p)}`,
    hint: 'Sửa lại ô này (để trống nghĩa là chưa có số liệu).',
  }),
  'unclosed-quote': (p) => ({
    message: `có ô mở ngoặc kép mà không đóng: dấu " mở ô ${p.cell} của dòng ${p.line} không có dấu " đóng (tệp kết thúc khi vẫn ở trong ô đó, tại dòng ${p.end})`,
    hint: 'Đóng dấu ngoặc kép lại, hoặc trong ô có ngoặc kép thì viết dấu ngoặc kép thành "".',
  }),
  'runaway-quote': (p) => ({
    message: `có ô mở ngoặc kép mà không đóng: dấu " mở ô ${p.cell} của dòng ${p.line} kéo dài quá 1 MB của tệp mà không có dấu " đóng`,
    hint: 'Đóng dấu ngoặc kép lại, hoặc trong ô có ngoặc kép thì viết dấu ngoặc kép thành "".',
  }),
  'record-too-large': () => ({
    message: 'có dòng dài hơn 1 MB: đây không phải bảng số liệu điều tra (hoặc tệp bị mất dấu xuống dòng)',
    hint: 'Kiểm tra lại xem tệp có đúng là bản xuất CSV của bảng tính không.',
  }),
  'bad-quote': () => ({ message: 'có ô trong ngoặc kép còn chữ sau dấu ngoặc đóng', hint: 'Trong ô có ngoặc kép, viết dấu ngoặc kép thành "".' }),
  'stray-quote': () => ({
    message: 'có ô chứa dấu ngoặc kép (") ở giữa mà không mở đầu bằng dấu ngoặc kép',
    hint: 'Đặt cả ô trong ngoặc kép và viết dấu ngoặc kép bên trong thành "" (Excel khi xuất CSV làm như vậy).',
  }),
  'bad-csv': (p) => ({ message: `không đọc được tệp CSV: ${p.detail}`, hint: 'Kiểm tra lại xem tệp có đúng là bản xuất CSV của bảng tính không.' }),

  // Criteria sets
  'missing-sets-dir': (p) => ({ message: `không có thư mục bộ tiêu chí ${p.dir}`, hint: 'Kiểm tra lại đường dẫn --sets hoặc NTM_SETS.' }),
  'duplicate-set': (p) => ({
    message: `mã bộ tiêu chí ${q(p.id)} được khai báo hai lần: ${p.first} và ${p.second}`,
    hint: 'Đặt cho bộ tiêu chí của bạn một mã khác (và dùng `extends` bộ có sẵn nếu đó là một biến thể).',
  }),
  'yaml-syntax': (p) => ({ message: `lỗi cú pháp YAML: ${p.detail}`, hint: fileHint(p) }),
  'yaml-alias-bomb': (p) => ({
    message:
      `các bí danh (alias) YAML bung ra quá lớn (${p.detail}): ${aliasFileVi(p)} chỉ cần ` +
      `tối đa ${p.max} lần bung bí danh, còn tệp lồng bí danh vào nhau là kiểu tấn công "billion laughs"`,
    hint: 'Viết thẳng các giá trị ra thay vì lồng bí danh (*tên) của bí danh.',
  }),
  'criteria-set-schema': schemaIssue,
  'duplicate-id': (p) =>
    p.what === 'indicator-elsewhere'
      ? {
          message: `mã chỉ tiêu ${q(p.id)} trong tiêu chí ${q(p.criterion)}${p.set ? ` của bộ ${q(p.set)}` : ''} cũng có trong tiêu chí ${q(p.other)}${p.first ? ` (dòng ${p.first})` : ''}`,
          hint: 'Mỗi mã chỉ tiêu chỉ dùng cho một chỉ tiêu trong cả bộ; mã đánh số theo quyết định.',
        }
      : {
          message: `${p.what === 'indicator' ? `mã chỉ tiêu ${q(p.id)} trong tiêu chí ${q(p.criterion)}` : `mã tiêu chí ${q(p.id)} trong bộ ${q(p.set)}`} xuất hiện hai lần (lần đầu ở dòng ${p.first})`,
          hint: `Mỗi mã chỉ được dùng một lần; mã đánh số theo quyết định. Muốn sửa một tiêu chí kế thừa, chỉ ghi tiêu chí đó một lần với những trường khác đi.`,
        },
  'set-too-large': (p) => ({ message: `tệp bộ tiêu chí nặng ${p.size} MB; một bộ tiêu chí tối đa ${p.max} MB`, hint: 'Kiểm tra xem đây có phải là bộ tiêu chí không: các bộ có sẵn đều dưới 100 kB.' }),
  'min-criteria': (p) => ({ message: `bộ ${q(p.set)} yêu cầu đạt ít nhất ${p.min} tiêu chí nhưng chỉ có ${p.count} tiêu chí`, hint: 'Sửa min_criteria theo quyết định: không đơn vị nào đạt được con số này.' }),
  'forbidden-key': (p) => ({ message: `không được dùng khóa ${q(p.key)} trong bộ tiêu chí`, hint: 'Xóa khóa này: bộ tiêu chí không có trường nào tên như vậy, và nó có thể làm thay đổi cách chương trình chạy.' }),
  'number-id': (p) => ({ message: `${p.key} ${p.text} bị YAML đọc thành số ${p.value}`, hint: `Ghi trong dấu nháy: ${p.key}: "${p.text}".` }),
  'duplicate-name': (p) => ({
    message: `tiêu chí ${q(p.other)} và ${q(p.id)}${p.set ? ` của bộ ${q(p.set)}` : ''} trùng tên ${q(p.name)}${p.first ? ` (lần đầu ở dòng ${p.first})` : ''}`,
    hint: 'Cột của bảng điều tra được khớp với tiêu chí theo tên: mỗi tiêu chí cần một tên riêng.',
  }),
  'empty-map': (p) => ({ message: `${p.key} không có giá trị nào`, hint: `Ghi ít nhất một giá trị trong ${p.key}, hoặc bỏ ${p.key} đi.` }),
  'criteria-set-threshold': thresholdIssue,
  'unsourced-threshold': (p) => ({
    message: `chỉ tiêu ${p.indicator} của bộ ${q(p.set)}: ngưỡng${p.where ? ` (${p.where})` : ''} không ghi nguồn`,
    hint: 'Thêm `source:` (quyết định, điều hoặc phụ lục, bảng) cho chỉ tiêu hoặc cho giá trị, và chỉ ghi `verified: true` khi đã đọc văn bản gốc.',
  }),
  'unknown-set': (p) => ({ message: `không có bộ tiêu chí ${q(p.id)}`, hint: 'Lệnh `ntm sets list` liệt kê các bộ tiêu chí ntm biết.' }),
  'extends-cycle': (p) => ({ message: `"extends" tạo thành vòng lặp: ${p.chain}`, hint: 'Một bộ chỉ mở rộng được từ bộ khác khi bộ đó không dẫn ngược về nó.' }),
  'extends-missing': (p) => ({
    message: `bộ ${q(p.set)} mở rộng từ ${q(p.parent)}, nhưng không có bộ tiêu chí nào như vậy`,
    hint: p.guess ? `Có phải ý bạn là ${q(p.guess)}?` : 'Ghi tên một bộ có trong `ntm sets list`, hoặc thêm thư mục chứa bộ đó bằng --sets DIR.',
  }),
  'missing-name': (p) => ({ message: `tiêu chí ${q(p.criterion)} chưa có tên`, hint: 'Ghi tên tiêu chí như trong quyết định.' }),
  'incomplete-indicator': (p) => ({
    message: `chỉ tiêu ${q(p.indicator)} (tiêu chí ${q(p.criterion)}) cần có ${q(p.field)}`,
    hint: 'Chỉ tiêu mới cần có tên (name) và kiểu (type: percent, number, count, boolean, pass, level).',
  }),
  'missing-levels': (p) => ({ message: `chỉ tiêu ${q(p.indicator)} (tiêu chí ${q(p.criterion)}) có kiểu "level" nhưng không liệt kê các mức ("levels")`, hint: 'Liệt kê các mức từ thấp đến cao.' }),

  // Evaluation
  'mark-disagrees': (p) => ({
    message: `${p.unit}: tiêu chí ${p.criterion} (${p.name}) được đánh dấu ${met(p.mark)}, nhưng số liệu các chỉ tiêu cho thấy ${met(p.values)}`,
    hint: 'ntm lấy theo ô đánh dấu; hãy kiểm tra lại ô đánh dấu hoặc số liệu.',
  }),
  'no-villages': (p) => ({ message: `${p.unit}: tệp số liệu thôn không có thôn nào của xã này; chỉ tiêu ${p.indicator} không được tính` }),
  'village-share-differs': (p) => ({
    message: `${p.unit}: chỉ tiêu ${p.indicator} trong tệp ghi ${p.own}, tính từ ${p.villages} thôn được ${p.share}; ntm dùng giá trị ghi trong tệp`,
    hint: 'Tệp số liệu thôn có thể chưa đủ; hãy sửa lại số liệu sai.',
  }),
  'villages-ambiguous': (p) => ({
    message: `${p.unit} (${p.parent}): một xã khác cũng tên ${p.unit} đã nhận các thôn mang tên xã này; tệp số liệu thôn không có cột huyện để phân biệt nên chỉ tiêu ${p.indicator} không được tính`,
    hint: 'Thêm cột Huyện vào tệp số liệu thôn.',
  }),
  'more-warnings': (p) => ({ message: `và ${p.more} cảnh báo khác cùng loại (${p.of})` }),
  'duplicate-unit-files': (p) => ({
    message: `${q(p.unit)}${p.parent ? ` (${p.parent})` : ''} cũng có trong ${p.first}: đơn vị này được đánh giá hai lần`,
    hint: 'Mỗi đơn vị chỉ nên có trong một tệp của cả lô; hãy xóa ở một tệp.',
  }),
  'mixed-sets': (p) => ({
    message: `tệp này khớp với bộ ${q(p.set)} nhưng các tệp trước khớp với bộ ${q(p.before)}`,
    hint: 'Mỗi lần chạy chỉ đánh giá các tệp cùng một bộ tiêu chí, hoặc chỉ định bộ bằng --set.',
  }),
  'unverified-thresholds': (p) => ({
    message: `${p.count} ngưỡng dùng ở đây chưa được kiểm chứng với văn bản ${p.document}: ${p.indicators}`,
    hint: `Lệnh \`ntm sets show ${p.set}\` cho biết nguồn của từng giá trị; hãy kiểm tra trước khi dựa vào kết quả đánh giá này.`,
  }),
  'unjudged-indicator': (p) => ({
    message: `${p.count} chỉ tiêu của bộ ${q(p.set)} không đánh giá được (${cause(p)}): ${p.indicators}`,
    hint: 'Không thể kết luận các tiêu chí này đạt từ số liệu; cột đánh dấu tiêu chí (Đạt / Không đạt) sẽ quyết định.',
  }),
  'no-village-indicators': (p) => ({
    message: `bộ ${q(p.set)} không có chỉ tiêu nào tính từ số liệu thôn, nên --villages không có tác dụng`,
    hint: 'Dùng bộ tiêu chí có chỉ tiêu ghi `from_villages`, hoặc bỏ --villages.',
  }),
  'missing-column': (p) => ({
    message: `không có cột cho ${p.count} tiêu chí/chỉ tiêu, nên đơn vị nào cũng thiếu số liệu này: ${p.names}`,
    hint: 'Số liệu điều tra thường chưa đầy đủ; thiếu các cột này thì chưa đơn vị nào được công nhận đạt chuẩn.',
  }),

  // Progress: baseline, aliases, targets
  'targets-schema': (p) => schemaIssue(p, TARGETS_FILE_HINT),
  'target-unit-unknown': (p) =>
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
            ? 'Thêm --match-near để ghép các tên chỉ khác một chữ hoặc một dấu thanh, hoặc sửa tên trong tệp chỉ tiêu.'
            : 'Sửa tên trong tệp chỉ tiêu cho giống tên trong tệp số liệu.',
        },
  'targets-need-baseline': (p) => ({
    message: `${p.count} chỉ tiêu so với năm trước (dòng ${p.lines} của tệp chỉ tiêu) cần kết quả năm trước`,
    hint: 'Thêm --baseline TỆP: bảng số liệu năm trước, cùng bộ tiêu chí.',
  }),
  'target-indicator-unknown': (p) => ({
    message: `chỉ tiêu kế hoạch nêu chỉ tiêu ${q(p.indicator)}, nhưng bộ ${q(p.set)} không có chỉ tiêu này`,
    hint: 'Ghi mã chỉ tiêu như bộ tiêu chí ghi (`ntm sets show ID`).',
  }),
  'targets-skipped': (p) => ({
    message: `${p.count} chỉ tiêu kế hoạch không áp dụng cho lần đánh giá này (bộ ${q(p.set)}): ${p.labels}`,
    hint: 'Chúng dành cho bộ tiêu chí hoặc cấp khác; đánh giá tệp số liệu của cấp đó để xét chúng.',
  }),
  'aliases-row': (p) => ({
    message: `dòng này có ${p.cells} ô; tệp tên ghép cần đúng hai ô: tên trong tệp số liệu và tên trong tệp năm trước`,
    hint: 'Mỗi dòng một cặp tên, ví dụ: Thuần Mang,Thuận Mang.',
  }),
  'baseline-criteria-differ': (p) => ({
    message:
      `bộ tiêu chí của tệp năm trước (${q(p.before)}) khác bộ của năm nay (${q(p.set)}) ` +
      `ở các tiêu chí: ${p.ids}`,
    hint: 'Chỉ so sánh được các tiêu chí cùng số hiệu; các tiêu chí này không được tính là tăng hay giảm.',
  }),
  'baseline-level-differs': (p) => ({
    message: `tệp năm trước là số liệu cấp ${levelWord(p.before)}, còn năm nay là cấp ${levelWord(p.level)}`,
    hint: 'So sánh hai tệp cùng cấp (thôn với thôn, xã với xã).',
  }),
  'baseline-no-data': (p) => ({
    message:
      `${p.count} kết luận tiêu chí trong tệp năm trước thiếu số liệu: tiêu chí khi đó đã đạt mà không thể hiện ` +
      'được tính là chưa đạt, và nếu năm nay đạt thì tính là đạt thêm',
    hint:
      'Bổ sung số liệu năm trước (dấu đạt hoặc giá trị) nếu có thể; ' +
      'nếu không, cần thận trọng khi đọc các tiêu chí đạt thêm đó.',
  }),
  'likely-same-unit': (p) => ({
    message:
      `${unitName(p)} có lẽ là ${q(p.baselineName)} trong tệp năm trước (chỉ khác một chữ hoặc một dấu thanh)` +
      (p.matched ? '; đã ghép hai tên' : '; chưa ghép: tính là đơn vị mới và đơn vị không còn'),
    hint: p.matched ? undefined : 'Thêm --match-near để ghép, hoặc ghép tên bằng --aliases TỆP.',
  }),

  // Levels: several sets in order (--set A,B,…)
  'level-set-unreadable': (p) => ({
    message: `không đọc được tệp này theo bộ ${q(p.set)} trong danh sách --set; các lỗi của lần đọc đó ở dưới`,
    hint: 'Mỗi bộ trong --set A,B,… đọc tệp theo các cột của bộ đó: tệp cần có cột của mọi bộ.',
  }),

  // Command line and output
  'bad-region': (p) => ({ message: `không có vùng ${q(p.region)}`, hint: `Dùng một trong các vùng: ${p.regions}.` }),
  'year-out-of-period': (p) => ({
    message: `--year ${p.year} nằm ngoài giai đoạn của bộ tiêu chí ${q(p.set)} (${p.from}–${p.to})`,
    hint: `Ghi một năm từ ${p.from} đến ${p.to}, hoặc chọn bộ tiêu chí cho năm ${p.year} bằng --set (\`ntm sets list\`).`,
  }),
  'bad-group': (p) => ({ message: `không có nhóm xã ${q(p.group)}`, hint: 'Ghi --group 1, 2 hoặc 3 (xã nhóm 1, 2, 3 theo Quyết định 51/2025/QĐ-TTg).' }),
  'bad-year': (p) => ({ message: `--year ${p.year} không phải là một năm`, hint: 'Ghi năm, ví dụ 2024.' }),
  usage: (p) =>
    p.case === 'stdin-twice'
      ? { message: 'đầu vào chuẩn ("-") chỉ đọc được một lần' }
      : p.case === 'levels-stdin'
        ? {
            message:
              'với nhiều bộ tiêu chí (--set A,B,…), tệp được đọc một lần cho mỗi bộ: ' +
              'không đọc từ đầu vào chuẩn được',
          }
        : p.case === 'match-without-baseline'
        ? { message: '--match-near và --aliases dùng để ghép đơn vị với năm trước: cần có --baseline hoặc --targets' }
        : p.case === 'unknown-format'
        ? { message: `không xác định được định dạng báo cáo từ tên tệp ${q(p.output)}`, hint: `Đặt tên tệp có một trong các đuôi ${p.extensions}, hoặc thêm --format (${p.formats}).` }
        : { message: `báo cáo ${p.format} là tệp nhị phân, in ra màn hình sẽ thành ký tự rác`, hint: `Thêm -o report.${p.ext}, hoặc chuyển đầu ra chuẩn vào một tệp.` },
  'template-format': (p) => ({
    message: `không xác định được định dạng biểu mẫu từ tên tệp ${q(p.output)}`,
    hint: 'Đặt tên tệp có đuôi .xlsx hoặc .csv.',
  }),
  'output-is-input': (p) => ({ message: `không ghi báo cáo đè lên tệp đầu vào (${p.path})`, hint: 'Chọn đường dẫn -o khác.' }),
  'output-exists': (p) => ({ message: `${p.path} đã có; tệp được giữ nguyên`, hint: 'Thêm --force để ghi đè, hoặc chọn đường dẫn -o khác.' }),
  'bad-output': (p) => ({
    message:
      p.case === 'empty'
        ? '-o không có tên tệp'
        : p.case === 'no-folder'
          ? `thư mục chứa ${p.path} không tồn tại`
          : p.case === 'folder'
            ? `${p.path} là một thư mục`
            : `không có quyền ghi ${p.path}`,
    hint:
      p.case === 'empty' || p.case === 'folder'
        ? 'Cho tên tệp, ví dụ -o bao-cao.xlsx.'
        : p.case === 'no-folder'
          ? 'Tạo thư mục trước, hoặc chọn đường dẫn -o khác.'
          : 'Chọn đường dẫn có quyền ghi.',
  }),
  'write-failed': (p) => ({ message: `không ghi được ${p.path}: ${p.detail}` }),
} satisfies Record<string, Entry>;

export type ProblemKind = keyof typeof PROBLEMS_VI;

/** The problem's message and hint in Vietnamese. */
export function problemVi(p: Problem): Text {
  return PROBLEMS_VI[p.kind](p.params ?? {});
}
