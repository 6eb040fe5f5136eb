/**
 * The help in Vietnamese: command, argument and option descriptions keyed by command path and
 * flag, so that a new option needs one line here, not a change to its `.option()` call. The
 * English stays in the commands themselves. A test fails while any description has no entry.
 */

/** Command descriptions, by command path ("" is ntm itself). */
export const COMMANDS_VI: Record<string, string> = {
  '': 'Đánh giá tiêu chí nông thôn mới từ số liệu điều tra',
  evaluate: 'đơn vị nào đạt chuẩn, và các chỉ tiêu còn thiếu',
  validate: 'kiểm tra tệp bộ tiêu chí và tệp số liệu, liệt kê mọi lỗi cùng lúc (không đánh giá)',
  sets: 'liệt kê, xem và so sánh các bộ tiêu chí',
  'sets list': 'liệt kê các bộ tiêu chí ntm biết',
  'sets show': 'xem một bộ tiêu chí (đã gộp extends), với mọi ngưỡng và nguồn của ngưỡng',
  'sets diff': 'những gì thay đổi từ bộ này sang bộ kia: tiêu chí, chỉ tiêu, tên và ngưỡng',
  completion: 'in đoạn mã tự hoàn thành lệnh cho bash, zsh hoặc fish',
  template: 'biểu mẫu điều tra trống cho một bộ tiêu chí (XLSX có danh sách chọn, hoặc CSV)',
};

/** Argument descriptions, by "command path <name>". */
export const ARGUMENTS_VI: Record<string, string> = {
  'evaluate files': 'các tệp số liệu CSV, mỗi thôn hoặc xã một dòng ("-" đọc từ đầu vào chuẩn)',
  'validate files': 'các tệp bộ tiêu chí YAML và tệp số liệu ("-" đọc từ đầu vào chuẩn)',
  'sets show id': 'mã bộ tiêu chí hoặc tệp YAML',
  'sets diff from': 'bộ cũ: mã hoặc tệp YAML',
  'sets diff to': 'bộ mới: mã hoặc tệp YAML',
  completion: 'vỏ lệnh: bash, zsh hoặc fish',
  'completion shell': 'vỏ lệnh: bash, zsh hoặc fish',
};

/** Option descriptions, by "command path --flag" where one command means something else, else by "--flag". */
export const OPTIONS_VI: Record<string, string> = {
  '--version': 'in số phiên bản',
  '--help': 'hiển thị trợ giúp của lệnh',
  '--debug': 'in vết ngăn xếp (stack trace) khi có lỗi nội bộ',
  '--group': 'nhóm xã (1, 2, 3) của các ngưỡng giai đoạn 2026–2030; cột "Nhóm xã" ghi đè cho từng dòng',
  '--sheet': 'trang tính của tệp Excel (tên hoặc số thứ tự); mặc định: trang có dòng tiêu đề khớp bộ tiêu chí',
  '--percent-as-is': 'đọc tỷ lệ phần trăm đúng như ghi, không coi cột có giá trị trong 0–1 là phân số',
  '--wide': 'bảng trên màn hình: ghi đủ mọi tên và mọi tiêu chí chưa đạt, không cắt cho vừa',
  '--marks': 'mỗi tiêu chí một cột đánh dấu (Đạt / Không đạt) thay vì mỗi chỉ tiêu một cột giá trị',
  '--sets': 'nạp thêm các bộ tiêu chí trong thư mục DIR (ghi được nhiều lần; hoặc biến NTM_SETS)',
  '--region': 'vùng của ngưỡng quốc gia (TDMNPB, ĐBSH, BTB, DHNTB, TN, ĐNB, ĐBSCL, hoặc tên đầy đủ)',
  '--lang': 'ngôn ngữ ntm dùng để trình bày',
  '--set': 'mã bộ tiêu chí hoặc tệp YAML (mặc định: bộ có tên tiêu chí khớp nhất với dòng tiêu đề)',
  'evaluate --set':
    'mã bộ tiêu chí hoặc tệp YAML (mặc định: bộ có tên tiêu chí khớp nhất với dòng tiêu đề); ' +
    'A,B,… đánh giá mỗi đơn vị theo từng bộ lần lượt (nông thôn mới, nâng cao, kiểu mẫu) và cho biết mức đạt',
  'validate --set': 'đọc số liệu theo bộ tiêu chí này (mặc định: bộ có tên tiêu chí khớp nhất với dòng tiêu đề)',
  '--year': 'năm của các ngưỡng thay đổi theo năm (mặc định: năm của bộ tiêu chí)',
  '--format': 'định dạng kết quả',
  '--output': 'ghi báo cáo vào tệp FILE (định dạng theo đuôi tệp)',
  '--force': 'ghi đè tệp kết quả đã có',
  '--by': 'trình bày theo đơn vị, theo tiêu chí, theo cơ quan phụ trách, hoặc tổng hợp theo đơn vị cấp trên',
  '--baseline': 'số liệu năm trước: mỗi đơn vị đạt thêm và không còn đạt tiêu chí nào, đơn vị mới và không còn',
  '--targets': 'chỉ tiêu kế hoạch (YAML): xét từng chỉ tiêu; mã thoát khi đó cho biết mọi chỉ tiêu có đạt không',
  '--match-near': 'ghép các đơn vị có tên chỉ khác một chữ hoặc một dấu thanh (cùng cấp trên) với năm trước',
  '--aliases': 'các cặp tên (CSV: tên trong tệp số liệu, tên trong tệp năm trước)',
  '--quiet': 'chỉ in dòng tổng hợp (với -o, báo cáo vẫn được ghi)',
  '--villages': 'tệp số liệu thôn, để tính các chỉ tiêu xã là tỷ lệ thôn đạt',
  '--encoding': 'bảng mã của tệp số liệu khi không phải UTF-8 (windows-1258, tcvn3)',
  '--no-color': 'không tô màu khi in ra màn hình',
};

/** What commander adds to a description and to the help's headings. */
export const HELP_WORDS_VI: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Arguments:': 'Đối số:',
  'Options:': 'Tuỳ chọn:',
  'Commands:': 'Lệnh:',
  'Global Options:': 'Tuỳ chọn chung:',
  'Examples:': 'Ví dụ:',
  choices: 'chọn một trong',
  default: 'mặc định',
  'vi when the locale is Vietnamese': 'vi khi máy dùng tiếng Việt',
  'display help for command': 'hiển thị trợ giúp của lệnh',
};
