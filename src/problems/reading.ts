import { q, type Entry, type ProblemParams } from './text.js';

/** Reading survey files: opening, decoding, workbooks, headers, rows and cells. */

const levelWord = (level: unknown) => (level === 'thon' ? 'thôn' : level === 'xa' ? 'xã' : 'huyện');
const unitNoun = (level: unknown) => (level === 'thon' ? 'village' : level === 'xa' ? 'commune' : 'district');
const unitName = (p: ProblemParams) => `${p.unit}${p.parent ? ` (${p.parent})` : ''}`;
/** A fraction of 1 as the percentage it stands for: "0,298" → "29.8". */
const pct = (s: unknown) => String(Math.round(Number(String(s).replace(',', '.')) * 1000) / 10);

/** What a path given as a set file is instead (registry.ts). */
const SPECIAL_FILE: Record<string, string> = {
  'a folder': 'một thư mục',
  'a FIFO (named pipe)': 'một FIFO (đường ống có tên)',
  'a socket': 'một socket',
  'a device': 'một thiết bị',
};

const RESAVE = 'Open it in Excel and save it again as "Excel Workbook (.xlsx)", or save the sheet as "CSV UTF-8".';
const RESAVE_VI =
  'Mở tệp trong Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)", hoặc lưu trang tính dưới dạng "CSV UTF-8".';
const HEADER_HINT =
  'The header needs columns named by criterion (e.g. "Giao thông", "17.1") and a unit-name column ' +
  '(e.g. "Tên thôn"). `ntm sets show ID` lists the names.';
const HEADER_HINT_VI =
  'Dòng tiêu đề cần có các cột mang tên tiêu chí (ví dụ "Giao thông", "17.1") và một cột tên đơn vị ' +
  '(ví dụ "Tên thôn"). Lệnh `ntm sets show ID` liệt kê các tên này.';
const CHECK_ROW_HINT_VI = 'hãy kiểm tra dòng này trong bảng tính.';
const QUOTE_HINT = 'Close the quote, or write a quote inside a quoted cell as "".';
const QUOTE_HINT_VI = 'Đóng dấu ngoặc kép lại, hoặc trong ô có ngoặc kép thì viết dấu ngoặc kép thành "".';
const CSV_EXPORT_HINT = 'Check that the file is the CSV export of the sheet.';
const CSV_EXPORT_HINT_VI = 'Kiểm tra lại xem tệp có đúng là bản xuất CSV của bảng tính không.';

/** What a survey cell should hold (parse-value's `want`). */
function wanted(p: ProblemParams): string {
  switch (p.want) {
    case 'mark':
      return (
        '1, x, ✓, Đạt, có, yes, true (đạt) hoặc 0, Không đạt, không, no, false, để trống (không đạt), ' +
        '? (chưa có số liệu)'
      );
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
    case 'number': {
      const unit = p.unit ? ` tính bằng ${p.unit}` : '';
      if (p.sign === 'negative') return `một số không âm${unit}`;
      return `một số${unit}${p.not !== undefined ? ` (không phải ${q(p.not)})` : ''}`;
    }
    case 'total':
      return 'số tiêu chí đạt, là một số nguyên';
    case 'group':
      return 'nhóm xã: 1, 2 hoặc 3 (để trống thì dùng --group)';
    default:
      return String(p.expected);
  }
}

function unreadableFile(p: ProblemParams) {
  switch (p.case) {
    case 'not-a-set-file':
      return {
        message: `${p.path} is ${p.what}, not a criteria-set file`,
        hint: 'Give a YAML file of a criteria set.',
      };
    case 'folder':
      return { message: `${p.path} is a folder, not a CSV file` };
    case 'read':
      return { message: `cannot read ${p.path}: ${p.detail}` };
    default:
      return {
        message: `cannot open ${p.path}: ${p.case === 'no-such-file' ? 'no such file' : p.detail}`,
        hint: 'Check the path.',
      };
  }
}

function unreadableFileVi(p: ProblemParams) {
  switch (p.case) {
    case 'not-a-set-file':
      return {
        message: `${p.path} là ${SPECIAL_FILE[String(p.what)] ?? p.what}, không phải tệp bộ tiêu chí`,
        hint: 'Hãy đưa tệp YAML của một bộ tiêu chí.',
      };
    case 'folder':
      return { message: `${p.path} là một thư mục, không phải tệp CSV` };
    case 'read':
      return { message: `không đọc được ${p.path}: ${p.detail}` };
    default:
      return {
        message: `không mở được ${p.path}: ${p.case === 'no-such-file' ? 'không có tệp này' : p.detail}`,
        hint: 'Kiểm tra lại đường dẫn.',
      };
  }
}

export const READING = {
  'unreadable-file': { en: unreadableFile, vi: unreadableFileVi },
  'bad-encoding': {
    en: (p) => ({ message: `unknown encoding ${q(p.encoding)}`, hint: 'Use utf-8, windows-1258 or tcvn3.' }),
    vi: (p) => ({ message: `không biết bảng mã ${q(p.encoding)}`, hint: 'Dùng utf-8, windows-1258 hoặc tcvn3.' }),
  },
  'binary-file': {
    en: () => ({
      message: 'this is not a text file (it contains binary data)',
      hint: 'Export the sheet from Excel as "CSV UTF-8 (Comma delimited)" and give ntm that file.',
    }),
    vi: () => ({
      message: 'đây không phải tệp văn bản (tệp chứa dữ liệu nhị phân)',
      hint: 'Trong Excel, lưu bảng tính dưới dạng "CSV UTF-8 (Comma delimited)" rồi đưa tệp đó cho ntm.',
    }),
  },
  'old-excel': {
    en: () => ({
      message: 'this is an Excel 97–2003 workbook (.xls), which ntm does not read',
      hint: 'Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".',
    }),
    vi: () => ({
      message: 'đây là sổ tính Excel 97–2003 (.xls), ntm chưa đọc được định dạng này',
      hint: 'Mở tệp trong Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8".',
    }),
  },
  'bad-workbook': {
    en: (p) => ({
      message:
        p.case === 'no-sheets' ? 'this workbook has no worksheets' : `cannot read this Excel workbook: ${p.detail}`,
      hint: RESAVE,
    }),
    vi: (p) => ({
      message: p.case === 'no-sheets' ? 'sổ tính này không có trang tính nào' : `không đọc được sổ tính: ${p.detail}`,
      hint: RESAVE_VI,
    }),
  },
  'no-such-sheet': {
    en: (p) => ({
      message: `the workbook has no sheet ${q(p.sheet)}; its sheets: ${p.sheets}`,
      hint: 'Give --sheet a sheet name or its number (1 is the first tab).',
    }),
    vi: (p) => ({
      message: `sổ tính không có trang tính ${q(p.sheet)}; các trang tính: ${p.sheets}`,
      hint: 'Ghi --sheet là tên trang tính hoặc số thứ tự của nó (1 là trang đầu tiên).',
    }),
  },
  'several-sheets': {
    en: (p) => ({
      message: `${p.count} sheets have a header that fits a criteria set: ${p.sheets}`,
      hint: `Choose one with --sheet, e.g. --sheet ${q(p.first)} (or its number, --sheet ${p.position}).`,
    }),
    vi: (p) => ({
      message: `${p.count} trang tính có dòng tiêu đề khớp với một bộ tiêu chí: ${p.sheets}`,
      hint: `Chọn một trang bằng --sheet, ví dụ --sheet ${q(p.first)} (hoặc số thứ tự, --sheet ${p.position}).`,
    }),
  },
  'no-sheet-fits': {
    en: (p) => ({
      message: `no sheet of this workbook has a header row naming the criteria of a known set (sheets: ${p.sheets})`,
      hint: HEADER_HINT,
    }),
    vi: (p) => ({
      message:
        'không trang tính nào của sổ tính có dòng tiêu đề ghi tên các tiêu chí của một bộ tiêu chí đã biết ' +
        `(các trang: ${p.sheets})`,
      hint: HEADER_HINT_VI,
    }),
  },
  'ambiguous-number': {
    en: (p) => ({
      message:
        `the text ${q(p.text)} reads as two different numbers: ` +
        `its "${/[.,]/.exec(String(p.text))?.[0]}" may group thousands or mark decimals`,
      hint: 'Type the figure as a number (not as text), or write it without the thousands separator.',
    }),
    vi: (p) => ({
      message:
        `chuỗi ${q(p.text)} đọc được thành hai số khác nhau: ` +
        'dấu phân cách có thể là dấu phân nhóm nghìn hoặc dấu thập phân',
      hint: 'Nhập con số dưới dạng số (không phải văn bản), hoặc viết không có dấu phân nhóm nghìn.',
    }),
  },
  'formula-no-value': {
    en: (p) =>
      p.case === 'uncached'
        ? {
            message: `the formula =${p.formula} has no saved value (the workbook was not calculated)`,
            hint: 'Open the workbook in Excel (or LibreOffice), let it calculate and save it; or type the value.',
          }
        : { message: `the formula =${p.formula} gives an error`, hint: 'Correct the formula or type the value.' },
    vi: (p) =>
      p.case === 'uncached'
        ? {
            message: `công thức =${p.formula} chưa có giá trị được lưu (sổ tính chưa được tính toán)`,
            hint: 'Mở sổ tính trong Excel (hoặc LibreOffice) để tính toán rồi lưu lại; hoặc nhập giá trị.',
          }
        : { message: `công thức =${p.formula} cho ra lỗi`, hint: 'Sửa công thức hoặc nhập giá trị.' },
  },
  'legacy-encoding': {
    en: () => ({
      message: 'this file is not UTF-8: it looks like a legacy Vietnamese encoding (Windows-1258 or TCVN3/ABC)',
      hint:
        'Save it from Excel as "CSV UTF-8", or tell ntm the encoding: --encoding windows-1258 ' +
        '(or --encoding tcvn3).',
    }),
    vi: () => ({
      message: 'tệp này không dùng bảng mã UTF-8: có vẻ là bảng mã tiếng Việt cũ (Windows-1258 hoặc TCVN3/ABC)',
      hint:
        'Lưu lại từ Excel dưới dạng "CSV UTF-8", hoặc cho ntm biết bảng mã: --encoding windows-1258 ' +
        '(hoặc --encoding tcvn3).',
    }),
  },
  'wrong-encoding': {
    en: (p) => ({
      message:
        `read as ${p.encoding}, this file gives words that are not Vietnamese (${p.words}): ` +
        `it is not ${p.encoding}`,
      hint: p.option ? `It reads as ${p.right}: use --encoding ${p.option}.` : 'It is UTF-8: leave out --encoding.',
    }),
    vi: (p) => ({
      message:
        `đọc theo bảng mã ${p.encoding}, tệp này cho ra những từ không phải tiếng Việt (${p.words}): ` +
        `tệp không dùng bảng mã ${p.encoding}`,
      hint: p.option
        ? `Tệp đọc đúng theo bảng mã ${p.right}: dùng --encoding ${p.option}.`
        : 'Tệp dùng bảng mã UTF-8: bỏ --encoding đi.',
    }),
  },
  'empty-file': {
    en: () => ({
      message: 'the file is empty',
      hint: 'Give ntm a CSV with a header row naming the criteria and one row per unit.',
    }),
    vi: () => ({
      message: 'tệp trống',
      hint: 'Cần một tệp CSV có dòng tiêu đề ghi tên các tiêu chí và mỗi đơn vị một dòng.',
    }),
  },
  'no-header': {
    en: (p) => ({
      message:
        `no header row naming ${p.set ? `the criteria of set ${q(p.set)}` : 'criteria of a known set'} ` +
        `in the first ${p.rows} rows`,
      hint: HEADER_HINT,
    }),
    vi: (p) => ({
      message:
        `không tìm thấy dòng tiêu đề ghi tên các tiêu chí ` +
        `${p.set ? `của bộ ${q(p.set)}` : 'của một bộ tiêu chí đã biết'} trong ${p.rows} dòng đầu`,
      hint: HEADER_HINT_VI,
    }),
  },
  'ambiguous-set': {
    en: (p) => ({
      message: `the header fits ${p.count} criteria sets equally: ${p.sets}`,
      hint: `Choose one with --set, e.g. --set ${p.first}.`,
    }),
    vi: (p) => ({
      message: `dòng tiêu đề khớp như nhau với ${p.count} bộ tiêu chí: ${p.sets}`,
      hint: `Chọn một bộ bằng --set, ví dụ --set ${p.first}.`,
    }),
  },
  'no-units': {
    en: (p) => ({
      message: 'the file has a header but no unit rows',
      hint: `Add one row per ${unitNoun(p.level)} under the header; a sheet exported before it was filled in has none.`,
    }),
    vi: (p) => ({
      message: 'tệp có dòng tiêu đề nhưng không có dòng đơn vị nào',
      hint:
        `Thêm mỗi ${levelWord(p.level)} một dòng dưới dòng tiêu đề; ` +
        'bảng xuất ra trước khi điền số liệu thì chưa có dòng nào.',
    }),
  },
  'duplicate-label': {
    en: (p) => ({
      message: `column ${p.column} ${q(p.header)} means the same as column ${p.first} ${q(p.firstHeader)}`,
      hint: 'Remove or rename one of the two columns.',
    }),
    vi: (p) => ({
      message: `cột ${p.column} ${q(p.header)} trùng nghĩa với cột ${p.first} ${q(p.firstHeader)}`,
      hint: 'Xoá hoặc đổi tên một trong hai cột.',
    }),
  },
  'missing-label': {
    en: (p) => ({
      message: `no column with the ${unitNoun(p.level)} name`,
      hint: `Head it "Tên ${levelWord(p.level)}".`,
    }),
    vi: (p) => ({
      message: `không có cột tên ${levelWord(p.level)}`,
      hint: `Đặt tiêu đề cột là "Tên ${levelWord(p.level)}".`,
    }),
  },
  'extra-label': {
    en: (p) => ({
      message: `columns not used (no criterion or indicator of ${q(p.set)} has these names): ${p.columns}`,
      hint: `Rename a column to a criterion id or name to have it read; \`ntm sets show ${p.set}\` lists them.`,
    }),
    vi: (p) => ({
      message:
        `các cột không được dùng (không có tiêu chí hay chỉ tiêu nào của bộ ${q(p.set)} mang tên này): ` +
        `${p.columns}`,
      hint:
        'Đổi tên cột thành mã hoặc tên tiêu chí để ntm đọc cột đó; ' +
        `lệnh \`ntm sets show ${p.set}\` liệt kê các tên.`,
    }),
  },
  'duplicate-unit': {
    en: (p) => ({
      message: `${q(p.unit)}${p.parent ? ` (${p.parent})` : ''} appears twice: lines ${p.first} and ${p.line}`,
      hint: 'Each unit must have one row; merge or remove one.',
    }),
    vi: (p) => ({
      message: `${q(p.unit)}${p.parent ? ` (${p.parent})` : ''} xuất hiện hai lần: dòng ${p.first} và dòng ${p.line}`,
      hint: 'Mỗi đơn vị chỉ có một dòng; hãy gộp hoặc xoá bớt một dòng.',
    }),
  },
  'total-mismatch': {
    en: (p) => ({
      message: `${unitName(p)}: the marks add up to ${p.marks} criteria met, the total column says ${p.total}`,
      hint: 'ntm counts the marks; correct the total or the marks.',
    }),
    vi: (p) => ({
      message: `${unitName(p)}: tổng số tiêu chí đạt ghi ${p.total} nhưng các ô đánh dấu cộng lại là ${p.marks}`,
      hint: 'ntm tính theo các ô đánh dấu; hãy sửa lại cột tổng hoặc các ô đánh dấu.',
    }),
  },
  'blank-row': {
    en: (p) => ({ message: `row skipped, it names no unit: ${q(p.text)}` }),
    vi: (p) => ({ message: `bỏ qua dòng không ghi tên đơn vị: ${q(p.text)}` }),
  },
  'total-row-mismatch': {
    en: (p) => ({
      message:
        `the ${p.row === 'section' ? 'section' : 'total'} row ${q(p.label)} disagrees with the rows it adds up ` +
        `in ${p.count} column${Number(p.count) > 1 ? 's' : ''}: ${p.columns}`,
      hint: 'ntm does not read total rows as units and counts the rows itself; correct the total row or the rows.',
    }),
    vi: (p) => ({
      message:
        `${p.row === 'section' ? 'dòng tiêu đề mục' : 'dòng tổng'} ${q(p.label)} không khớp với các dòng phía trên ` +
        `ở ${p.count} cột: ${p.columnsVi}`,
      hint: 'ntm không coi dòng tổng là một đơn vị và tự đếm các dòng; hãy sửa lại dòng tổng hoặc các dòng.',
    }),
  },
  'merged-parent': {
    en: (p) => ({
      message:
        `column ${q(p.header)} has blank cells (the first here, under ${q(p.parent)}): ` +
        'read as merged cells, each blank taking the name above it',
      hint: 'If a blank means something else, fill in the column.',
    }),
    vi: (p) => ({
      message:
        `cột ${q(p.header)} có ô để trống (ô đầu tiên ở đây, dưới ${q(p.parent)}): ` +
        'hiểu là ô gộp, mỗi ô trống lấy tên ở ô phía trên',
      hint: 'Nếu ô trống có nghĩa khác, hãy điền đầy đủ cột này.',
    }),
  },
  'percent-fractions': {
    en: (p) => {
      const many = Number(p.count) > 1;
      return {
        message:
          `${many ? 'columns' : 'column'} ${p.columns} ${many ? 'write' : 'writes'} percentages as fractions of 1, ` +
          `as Excel's percent cells export them: read as percentages (${q(p.value)} is ${p.percent} %)`,
        hint: 'If the values are percentages as written (under 1 %), give --percent-as-is.',
      };
    },
    vi: (p) => ({
      message:
        `cột ${p.columns} ghi tỷ lệ phần trăm dưới dạng phân số của 1, như Excel xuất các ô định dạng phần trăm: ` +
        `đọc thành phần trăm (${q(p.value)} là ${String(p.percent).replace('.', ',')} %)`,
      hint: 'Nếu đó là phần trăm như đã ghi (dưới 1 %), hãy thêm --percent-as-is.',
    }),
  },
  'mixed-column': {
    en: (p) => {
      if (p.which === 'either') {
        // `marks` says which of the two cells (`first` or `second`, in the order of the file) is the mark.
        const [marks, marksLine, values, valuesLine] =
          p.marks === 'second'
            ? [p.second, p.secondLine, p.first, p.firstLine]
            : [p.first, p.firstLine, p.second, p.secondLine];
        const named = p.indicator !== undefined ? `${p.indicator} ${p.indicatorName}` : 'the indicator id';
        return {
          message:
            `column ${q(p.header)} holds both criterion marks (${q(marks)}, line ${marksLine}) ` +
            `and values (${q(values)}, line ${valuesLine})`,
          hint:
            'Give marks and values columns of their own: ' +
            `head the marks "TC${p.criterion ?? ''}" and the values "${named}".`,
        };
      }
      return {
        message:
          `column ${q(p.header)} mixes fractions of 1 (${q(p.fraction)}, line ${p.fractionLine}: ` +
          `${pct(p.fraction)} %?) and percentages (${q(p.percent)}, line ${p.percentLine})`,
        hint:
          'Write every value of the column the same way: all as percentages (29,8 or 29,8%) or all as fractions ' +
          '(0,298); give --percent-as-is if the small values are percentages under 1 %.',
      };
    },
    vi: (p) =>
      p.which === 'either'
        ? {
            message:
              `cột ${q(p.header)} vừa có ô đánh dấu tiêu chí vừa có giá trị chỉ tiêu ` +
              `(${q(p.first)}, dòng ${p.firstLine}; ${q(p.second)}, dòng ${p.secondLine})`,
            hint:
              `Tách thành hai cột: cột đánh dấu ghi tiêu đề "TC${p.criterion ?? ''}", ` +
              `cột giá trị ghi "${p.indicator ?? ''} ${p.indicatorName ?? ''}".`,
          }
        : {
            message:
              `cột ${q(p.header)} vừa có phân số của 1 (${q(p.fraction)}, dòng ${p.fractionLine}) ` +
              `vừa có tỷ lệ phần trăm (${q(p.percent)}, dòng ${p.percentLine})`,
            hint:
              'Ghi mọi giá trị của cột theo một cách: ' +
              'đều là phần trăm (29,8 hoặc 29,8%) hoặc đều là phân số (0,298); ' +
              'thêm --percent-as-is nếu các giá trị nhỏ là phần trăm dưới 1 %.',
          },
  },
  'undecided-column': {
    en: (p) =>
      p.which === 'either'
        ? {
            message: (
              `column ${q(p.header)}: ${q(p.value)} may be a criterion mark (met or not) or a value of ` +
              `${p.indicator} (${p.value} ${p.unit ?? ''}); no cell of the column tells which`
            ).replace(' )', ')'),
            hint:
              `Head the column "TC${p.criterion}" if it holds marks, ` +
              `or "${p.indicator} ${p.indicatorName}" if it holds values.`,
          }
        : {
            message:
              `column ${q(p.header)}: ${q(p.value)} may be 1 % or 100 % (a fraction of 1); ` +
              'no other value of the column tells which',
            hint: 'Write it as 1% or 100%; give --percent-as-is if the column holds percentages as written.',
          },
    vi: (p) =>
      p.which === 'either'
        ? {
            message:
              `cột ${q(p.header)}: ${q(p.value)} có thể là ô đánh dấu tiêu chí (đạt / không đạt) hoặc giá trị của ` +
              `chỉ tiêu ${p.indicator}; không ô nào trong cột cho biết là loại nào`,
            hint:
              `Ghi tiêu đề cột là "TC${p.criterion}" nếu cột đánh dấu tiêu chí, ` +
              `hoặc "${p.indicator} ${p.indicatorName}" nếu cột ghi giá trị.`,
          }
        : {
            message:
              `cột ${q(p.header)}: ${q(p.value)} có thể là 1 % hoặc 100 % (phân số của 1); ` +
              'không giá trị nào khác trong cột cho biết là loại nào',
            hint: 'Ghi rõ 1% hoặc 100%; thêm --percent-as-is nếu cột ghi phần trăm như đã viết.',
          },
  },
  'foreign-delimiter': {
    en: (p) => ({
      message: `this row is separated by ${p.other} but the file by ${p.delimiter}: ${q(p.text)}`,
      hint: `Re-enter the row with ${p.delimiter} between cells (it was probably pasted from another file).`,
    }),
    vi: (p) => ({
      message: `dòng này dùng dấu phân cách ${p.other} nhưng tệp dùng ${p.delimiter}: ${q(p.text)}`,
      hint: `Nhập lại dòng này với dấu ${p.delimiter} giữa các ô (có lẽ dòng được dán từ một tệp khác).`,
    }),
  },
  'missing-cell': {
    en: () => ({
      message: 'this row has marks or values but no unit name',
      hint: 'Fill in the name, or delete the row.',
    }),
    vi: () => ({
      message: 'dòng này có kết quả đánh giá hoặc số liệu nhưng không có tên đơn vị',
      hint: 'Điền tên đơn vị, hoặc xoá dòng này.',
    }),
  },
  'ragged-row': {
    en: (p) =>
      p.extra === undefined
        ? {
            message: `this row has ${p.cells} cells but the header has ${p.width}`,
            hint: 'A cell is missing, or a stray delimiter splits a cell; check the row in a spreadsheet.',
          }
        : {
            message:
              `this row has ${p.cells} cells but the header has ${p.width}: ` +
              `cell ${p.extra} (${q(p.text)}) has no column`,
            hint: 'A stray delimiter splits a cell, or the header lacks a column; check the row in a spreadsheet.',
          },
    vi: (p) =>
      p.extra === undefined
        ? {
            message: `dòng này có ${p.cells} ô nhưng dòng tiêu đề có ${p.width} cột`,
            hint: `Thiếu một ô, hoặc một dấu phân cách thừa đã tách một ô làm hai; ${CHECK_ROW_HINT_VI}`,
          }
        : {
            message:
              `dòng này có ${p.cells} ô nhưng dòng tiêu đề có ${p.width} cột: ` +
              `ô ${p.extra} (${q(p.text)}) không thuộc cột nào`,
            hint: `Một dấu phân cách thừa đã tách một ô làm hai, hoặc dòng tiêu đề thiếu một cột; ${CHECK_ROW_HINT_VI}`,
          },
  },
  'type-error': {
    en: (p) => ({
      message:
        `column ${q(p.header)}: ${q(p.value)} ${p.range === 'out' ? 'is out of range' : 'is not understood'}; ` +
        `expected ${p.expected}`,
      hint: 'Correct the cell (blank means no data).',
    }),
    vi: (p) => ({
      message:
        `cột ${q(p.header)}: ${p.range === 'out' ? 'giá trị nằm ngoài khoảng cho phép' : 'không đọc được ô'}: ` +
        `“${p.value}” — cần ${wanted(p)}`,
      hint: 'Sửa lại ô này (để trống nghĩa là chưa có số liệu).',
    }),
  },
  'unclosed-quote': {
    en: (p) => ({
      message:
        `a quoted cell is never closed: the " that opens cell ${p.cell} of the row on line ${p.line} has no closing "` +
        ` (the file ends inside it, at line ${p.end})`,
      hint: QUOTE_HINT,
    }),
    vi: (p) => ({
      message:
        `có ô mở ngoặc kép mà không đóng: dấu " mở ô ${p.cell} của dòng ${p.line} không có dấu " đóng ` +
        `(tệp kết thúc khi vẫn ở trong ô đó, tại dòng ${p.end})`,
      hint: QUOTE_HINT_VI,
    }),
  },
  'runaway-quote': {
    en: (p) => ({
      message:
        `a quoted cell is never closed: the " that opens cell ${p.cell} of the row on line ${p.line}` +
        ' runs on for over 1 MB of the file without a closing "',
      hint: QUOTE_HINT,
    }),
    vi: (p) => ({
      message:
        `có ô mở ngoặc kép mà không đóng: dấu " mở ô ${p.cell} của dòng ${p.line} ` +
        'kéo dài quá 1 MB của tệp mà không có dấu " đóng',
      hint: QUOTE_HINT_VI,
    }),
  },
  'record-too-large': {
    en: () => ({
      message: 'a row is over 1 MB long: this is not a survey table (or its line breaks are missing)',
      hint: CSV_EXPORT_HINT,
    }),
    vi: () => ({
      message: 'có dòng dài hơn 1 MB: đây không phải bảng số liệu điều tra (hoặc tệp bị mất dấu xuống dòng)',
      hint: CSV_EXPORT_HINT_VI,
    }),
  },
  'bad-quote': {
    en: () => ({
      message: 'a quoted cell has text after its closing quote',
      hint: 'Inside a quoted cell write a quote as "".',
    }),
    vi: () => ({
      message: 'có ô trong ngoặc kép còn chữ sau dấu ngoặc đóng',
      hint: 'Trong ô có ngoặc kép, viết dấu ngoặc kép thành "".',
    }),
  },
  'stray-quote': {
    en: () => ({
      message: 'a cell has a quote (") inside it but does not start with one',
      hint: 'Put the whole cell in quotes and write the quote inside it as "" (Excel\'s CSV export does this).',
    }),
    vi: () => ({
      message: 'có ô chứa dấu ngoặc kép (") ở giữa mà không mở đầu bằng dấu ngoặc kép',
      hint: 'Đặt cả ô trong ngoặc kép và viết dấu ngoặc kép bên trong thành "" (Excel khi xuất CSV làm như vậy).',
    }),
  },
  'bad-csv': {
    en: (p) => ({ message: `the CSV cannot be read: ${p.detail}`, hint: CSV_EXPORT_HINT }),
    vi: (p) => ({ message: `không đọc được tệp CSV: ${p.detail}`, hint: CSV_EXPORT_HINT_VI }),
  },
} satisfies Record<string, Entry>;
