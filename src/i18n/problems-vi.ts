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

/** What a survey cell should hold (parse-value's `want`). */
function wanted(p: ProblemParams): string {
  switch (p.want) {
    case 'mark':
      return '1, x, ✓, Đạt, có, yes, true (đạt) hoặc 0, Không đạt, không, no, false, để trống (không đạt)';
    case 'yes-no':
      return 'Có hoặc Không';
    case 'pass':
      return 'Đạt hoặc Không đạt';
    case 'level':
      return `một trong các mức: ${p.levels}`;
    case 'count':
      return 'một số nguyên không âm';
    case 'percent':
      return 'một tỷ lệ phần trăm, ví dụ 80,5% hoặc 80.5';
    case 'ratio':
      return 'một tỷ lệ từ 0 đến 1 (bộ tiêu chí ghi chỉ tiêu này dưới dạng tỷ lệ)';
    case 'number':
      return `một số${p.unit ? ` tính bằng ${p.unit}` : ''}${p.not !== undefined ? ` (không phải ${q(p.not)})` : ''}`;
    case 'total':
      return 'số tiêu chí đạt, là một số nguyên';
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

function schemaIssue(p: ProblemParams): Text {
  switch (p.issue) {
    case 'unknown-key':
      return { message: `khoá ${q(p.key)} không hợp lệ${p.at ? ` trong ${p.at}` : ''}`, hint: p.guess ? `Có phải ý bạn là ${q(p.guess)}?` : `Các khoá được phép: ${p.allowed}` };
    case 'missing-key':
      return { message: `thiếu khoá ${q(p.key)} (cần ${typeVi(p.expected)})`, hint: SET_FILE_HINT };
    case 'wrong-type':
      return { message: `${p.key}: cần ${typeVi(p.expected)}, nhưng gặp ${foundVi(p)}`, hint: SET_FILE_HINT };
    case 'not-one-of':
      return { message: `${p.key}: phải là một trong các giá trị ${p.values}`, hint: SET_FILE_HINT };
    case 'invalid':
      return { message: `${p.key}: giá trị không hợp lệ ở đây (${foundVi(p)})`, hint: SET_FILE_HINT };
    default:
      return { message: `${p.key}: ${p.detail}`, hint: SET_FILE_HINT };
  }
}

function thresholdIssue(p: ProblemParams): Text {
  const head = `bộ ${q(p.set)}, chỉ tiêu ${p.indicator}: `;
  if (p.issue === 'region') return { message: `${head}vùng ${q(p.region)} không phải là mã vùng`, hint: `Dùng một trong các vùng: ${p.regions}.` };
  const wrong: Record<string, string> = {
    between: 'phải có dạng [thấp, cao] khi so sánh "between"',
    range: 'là một khoảng, mà chỉ phép so sánh "between" mới nhận khoảng',
    boolean: 'phải là true hoặc false',
    level: `phải là một trong các mức (${p.levels})`,
    number: `phải là một số (kiểu ${p.type})`,
  };
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
  'missing-cell': () => ({ message: 'dòng này có kết quả đánh giá hoặc số liệu nhưng không có tên đơn vị', hint: 'Điền tên đơn vị, hoặc xoá dòng này.' }),
  'ragged-row': (p) =>
    p.extra === undefined
      ? { message: `dòng này có ${p.cells} ô nhưng dòng tiêu đề có ${p.width} cột`, hint: `Thiếu một ô, hoặc một dấu phân cách thừa đã tách một ô làm hai; ${CHECK_ROW_HINT}` }
      : {
          message: `dòng này có ${p.cells} ô nhưng dòng tiêu đề có ${p.width} cột: ô ${p.extra} (${q(p.text)}) không thuộc cột nào`,
          hint: `Một dấu phân cách thừa đã tách một ô làm hai, hoặc dòng tiêu đề thiếu một cột; ${CHECK_ROW_HINT}`,
        },
  'type-error': (p) => ({ message: `cột ${q(p.header)}: không đọc được ô: “${p.value}” — cần ${wanted(p)}`, hint: 'Sửa lại ô này (để trống nghĩa là chưa có số liệu).' }),
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

  // Criteria sets
  'missing-sets-dir': (p) => ({ message: `không có thư mục bộ tiêu chí ${p.dir}`, hint: 'Kiểm tra lại đường dẫn --sets hoặc NTM_SETS.' }),
  'duplicate-set': (p) => ({
    message: `mã bộ tiêu chí ${q(p.id)} được khai báo hai lần: ${p.first} và ${p.second}`,
    hint: 'Đặt cho bộ tiêu chí của bạn một mã khác (và dùng `extends` bộ có sẵn nếu đó là một biến thể).',
  }),
  'yaml-syntax': (p) => ({ message: `lỗi cú pháp YAML: ${p.detail}`, hint: SET_FILE_HINT }),
  'yaml-alias-bomb': (p) => ({
    message: `các bí danh (alias) YAML bung ra quá lớn (${p.detail}): một bộ tiêu chí chỉ cần tối đa ${p.max} lần bung bí danh, còn tệp lồng bí danh vào nhau là kiểu tấn công "billion laughs"`,
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
  'village-share-differs': (p) => ({ message: `${p.unit}: chỉ tiêu ${p.indicator} trong tệp ghi ${p.own}, tính từ ${p.villages} thôn được ${p.share}; ntm dùng giá trị tính được` }),
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

  // Command line and output
  'bad-region': (p) => ({ message: `không có vùng ${q(p.region)}`, hint: `Dùng một trong các vùng: ${p.regions}.` }),
  'bad-year': (p) => ({ message: `--year ${p.year} không phải là một năm`, hint: 'Ghi năm, ví dụ 2024.' }),
  usage: (p) =>
    p.case === 'stdin-twice'
      ? { message: 'đầu vào chuẩn ("-") chỉ đọc được một lần' }
      : p.case === 'unknown-format'
        ? { message: `không xác định được định dạng báo cáo từ tên tệp ${q(p.output)}`, hint: `Đặt tên tệp có một trong các đuôi ${p.extensions}, hoặc thêm --format (${p.formats}).` }
        : { message: `báo cáo ${p.format} là tệp nhị phân, in ra màn hình sẽ thành ký tự rác`, hint: `Thêm -o report.${p.ext}, hoặc chuyển đầu ra chuẩn vào một tệp.` },
  'output-is-input': (p) => ({ message: `không ghi báo cáo đè lên tệp đầu vào (${p.path})`, hint: 'Chọn đường dẫn -o khác.' }),
  'output-exists': (p) => ({ message: `${p.path} đã có; tệp được giữ nguyên`, hint: 'Thêm --force để ghi đè, hoặc chọn đường dẫn -o khác.' }),
  'write-failed': (p) => ({ message: `không ghi được ${p.path}: ${p.detail}` }),
} satisfies Record<string, Entry>;

export type ProblemKind = keyof typeof PROBLEMS_VI;

/** The problem's message and hint in Vietnamese. */
export function problemVi(p: Problem): Text {
  return PROBLEMS_VI[p.kind](p.params ?? {});
}
