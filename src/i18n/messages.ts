/** Everything ntm says, in Vietnamese and English. Criterion names stay as the set writes them. */
export type Lang = 'vi' | 'en';

const messages = {
  criteria: ['tiêu chí', 'criteria'],
  decision: ['Quyết định', 'Decision'],
  extends: ['Mở rộng từ', 'Extends'],
  level: ['Cấp', 'Level'],
  region: ['vùng', 'region'],
  year: ['năm', 'year'],
  meetsRule: ['Điều kiện đạt chuẩn', 'Meets the standard when'],
  allCriteria: ['đạt tất cả các tiêu chí', 'all criteria are met'],
  from: ['từ', 'from'],
  markOnly: ['đánh giá theo kết quả đạt/không đạt của tiêu chí', 'judged by a met / not-met mark for the criterion'],
  unverified: ['chưa kiểm chứng', 'unverified'],
  verified: ['đã kiểm chứng', 'verified'],
  unverifiedCount: [
    'ngưỡng chưa được kiểm chứng với văn bản gốc hoặc chưa có (xem ghi chú)',
    'thresholds not verified against the decision text, or missing (see notes)',
  ],
  thresholdCounts: [
    'Ngưỡng áp dụng mặc định — đã kiểm chứng · nguồn thứ cấp · chưa có · đánh giá theo đạt/không đạt',
    'Thresholds by default — verified · secondary source · none · judged by a mark',
  ],
  allVerified: ['mọi ngưỡng đã được kiểm chứng', 'every threshold verified'],
  noThreshold: ['chưa có ngưỡng (không tìm được nguồn)', 'no threshold (none could be sourced)'],
  source: ['Nguồn', 'Source'],
  group: ['nhóm xã', 'commune group'],
  basisVerified: ['theo ngưỡng đã kiểm chứng với văn bản', 'on a value verified in the decision'],
  basisSecondary: ['theo ngưỡng từ nguồn thứ cấp', 'on a value from a secondary source'],
  basisMark: ['theo đánh giá đạt/không đạt', 'on a met / not-met mark'],
  basisCounts: ['Kết luận tiêu chí dựa trên', 'Criterion verdicts resting on'],
  basisVerifiedShort: ['đã kiểm chứng', 'verified'],
  basisSecondaryShort: ['nguồn thứ cấp', 'secondary source'],
  basisMarkShort: ['theo đánh giá', 'by mark'],
  noSource: ['ngưỡng không ghi nguồn: không dùng để đánh giá', 'the threshold cites no source: not judged'],
  relativeTo: ['ngưỡng của', 'the threshold of'],
  notJudged: ['chưa đánh giá được', 'not judged'],
  inputOnly: [
    'chỉ dùng để chọn ngưỡng của chỉ tiêu khác, không tự đánh giá',
    "read only to choose another indicator's threshold; not judged itself",
  ],
  markJudgedSet: [
    'Bộ này chưa có chỉ tiêu và ngưỡng: mỗi tiêu chí được đánh giá theo kết quả Đạt / Không đạt ghi trong bảng',
    'This set has no indicators or thresholds yet: ' +
      'each criterion is judged by the Đạt / Không đạt mark the sheet gives',
  ],
  note: ['Ghi chú', 'Note'],
  fromVillages: ['tính từ kết quả các thôn theo bộ', 'computed from the villages, set'],
  between: ['từ', 'between'],
  yes: ['Có', 'Yes'],
  no: ['Không', 'No'],
  met: ['Đạt', 'Met'],
  notMet: ['Không đạt', 'Not met'],
  points: ['điểm %', 'points'],
  levelsShort: ['bậc', 'levels'],
  unit: ['Đơn vị', 'Unit'],
  name: ['Tên', 'Name'],
  parent: ['Trực thuộc', 'Parent'],
  village: ['Thôn', 'Village'],
  commune: ['Xã', 'Commune'],
  district: ['Huyện', 'District'],
  status: ['Kết quả', 'Status'],
  statusMeets: ['Đạt chuẩn', 'Meets'],
  statusFails: ['Chưa đạt', 'Does not meet'],
  statusIncomplete: ['Thiếu dữ liệu', 'Incomplete data'],
  missing: ['Tiêu chí còn thiếu', 'Criteria still missing'],
  criteriaMet: ['Số tiêu chí đạt', 'Criteria met'],
  summary: ['Tổng hợp', 'Summary'],
  unitsEvaluated: ['Số đơn vị đánh giá', 'Units evaluated'],
  unitsMeeting: ['Số đơn vị đạt chuẩn', 'Meeting the standard'],
  averageMet: ['Bình quân tiêu chí đạt', 'Average criteria met'],
  mostMissed: ['Tiêu chí chưa đạt nhiều nhất', 'Criteria missed most often'],
  criterion: ['Tiêu chí', 'Criterion'],
  indicator: ['Chỉ tiêu', 'Indicator'],
  value: ['Giá trị', 'Value'],
  required: ['Yêu cầu', 'Required'],
  shortfall: ['Còn thiếu', 'Shortfall'],
  owner: ['Cơ quan phụ trách', 'Owner'],
  gaps: ['Các chỉ tiêu chưa đạt', 'Gaps'],
  noData: ['chưa có số liệu', 'no data'],
  noThresholdShort: ['bộ tiêu chí chưa có ngưỡng', 'no threshold in the set'],
  set: ['Bộ tiêu chí', 'Criteria set'],
  warning: ['cảnh báo', 'warning'],
  error: ['lỗi', 'error'],
  hint: ['gợi ý', 'hint'],
  file: ['Tệp', 'File'],
  units: ['đơn vị', 'units'],
  over: ['vượt', 'over'],
  under: ['thiếu', 'short'],
  unitsMissing: ['Số đơn vị chưa đạt', 'Units missing it'],
  which: ['Đơn vị', 'Which units'],
  more: ['khác', 'more'],
  total: ['Tổng số tiêu chí đạt', 'Criteria met'],
  tt: ['TT', 'No.'],
  date: ['Ngày', 'Date'],
  noGaps: ['Không còn chỉ tiêu nào chưa đạt.', 'No gaps remain.'],
  reportTitle: [
    'Kết quả đánh giá tiêu chí nông thôn mới',
    'New rural development (nông thôn mới) criteria: evaluation',
  ],
  annex: ['Kết quả thực hiện tiêu chí đến thời điểm báo cáo', 'Criteria met at the time of the report'],
  legend: ['1: đạt; để trống: chưa đạt; ?: chưa có số liệu', '1: met; blank: not met; ?: no data'],
  heatmap: ['Đơn vị × tiêu chí', 'Units × criteria'],
  byCriterion: ['Theo tiêu chí', 'By criterion'],
  byOwner: ['Theo cơ quan phụ trách', 'By owner'],
  byFile: ['Theo tệp', 'By file'],
  kind: ['Loại', 'Kind'],
  kindNoData: ['Chưa có số liệu', 'No data'],
  criterionId: ['Mã tiêu chí', 'Criterion no.'],
  criterionName: ['Tên tiêu chí', 'Criterion'],
  indicatorId: ['Mã chỉ tiêu', 'Indicator no.'],
  indicatorName: ['Tên chỉ tiêu', 'Indicator'],
  unitsTotal: ['Tổng số đơn vị', 'Units in all'],
  sheetAnnex: ['Phụ lục', 'Annex'],
  sheetGaps: ['Chỉ tiêu chưa đạt', 'Gaps'],
  wrote: ['đã ghi báo cáo', 'wrote the report'],
  warningsCount: ['Cảnh báo', 'Warnings'],
  meetingShort: ['đạt chuẩn', 'meeting the standard'],
  diffTitle: ['Thay đổi giữa hai bộ tiêu chí', 'Changes between two criteria sets'],
  change: ['Thay đổi', 'Change'],
  idShort: ['Số', 'No.'],
  spellingOnly: ['chỉ khác chính tả', 'spelling only'],
  where: ['Vùng, năm', 'Region, year'],
  before: ['Trước', 'Before'],
  after: ['Sau', 'After'],
  changes: ['Số thay đổi', 'Changes'],
  noChanges: ['Hai bộ tiêu chí không khác nhau.', 'The two sets do not differ.'],
  criterionAdded: ['Thêm tiêu chí', 'criterion added'],
  criterionRemoved: ['Bỏ tiêu chí', 'criterion removed'],
  criterionRenamed: ['Đổi tên tiêu chí', 'criterion renamed'],
  indicatorAdded: ['Thêm chỉ tiêu', 'indicator added'],
  indicatorRemoved: ['Bỏ chỉ tiêu', 'indicator removed'],
  indicatorRenamed: ['Đổi tên chỉ tiêu', 'indicator renamed'],
  indicatorRedefined: ['Đổi định nghĩa chỉ tiêu', 'indicator redefined'],
  thresholdChanged: ['Đổi ngưỡng', 'threshold changed'],
  bandsTitle: ['Số đơn vị theo số tiêu chí đạt', 'Units by criteria met'],
  band: ['Số tiêu chí đạt', 'Criteria met'],
  unitsCount: ['Số đơn vị', 'Units'],
  bandUnder: ['dưới', 'under'],
  shareTitle: ['Tỷ lệ đơn vị đạt từng tiêu chí', 'Share of units meeting each criterion'],
  unitsMeetingIt: ['Số đơn vị đạt', 'Units meeting it'],
  share: ['Tỷ lệ (%)', 'Share (%)'],
  targetsTitle: ['Kết quả thực hiện kế hoạch', 'Progress against the plan'],
  target: ['Chỉ tiêu kế hoạch', 'Target'],
  lastYear: ['Cùng kỳ năm trước', 'Last year'],
  plan: ['Kế hoạch', 'Plan'],
  achieved: ['Thực hiện', 'Achieved'],
  percentOfPlan: ['% so với kế hoạch', '% of plan'],
  line: ['dòng', 'line'],
  targetsNotEvaluated: ['Chỉ tiêu không xét trong lần đánh giá này', 'Targets not evaluated in this run'],
  progressTitle: ['So với năm trước', 'Against last year'],
  gained: ['Đạt thêm', 'Gained'],
  lost: ['Không còn đạt', 'Lost'],
  statusNew: ['đơn vị mới', 'new'],
  statusGone: ['không còn trong số liệu', 'gone'],
  likelySame: ['Có lẽ cùng một đơn vị', 'Likely the same unit'],
  matched: ['đã ghép', 'matched'],
  notMatched: ['chưa ghép (--match-near hoặc --aliases để ghép)', 'not matched (--match-near or --aliases to match)'],
  byParentTitle: ['Theo đơn vị cấp trên', 'By parent'],
  averageMetShort: ['Bình quân tiêu chí đạt', 'Average met'],
  yearBefore: ['Năm trước', 'Before'],
  levelsTitle: ['Số đơn vị theo mức đạt cao nhất', 'Units by highest level reached'],
  levelReached: ['Mức đạt', 'Level reached'],
  levelNone: ['chưa đạt mức nào', 'none'],
  yearNow: ['Năm nay', 'Now'],
} satisfies Record<string, [string, string]>;

export type MessageId = keyof typeof messages;

export function t(lang: Lang, id: MessageId): string {
  return messages[id][lang === 'vi' ? 0 : 1];
}

/** The notice when ntm chose the criteria set from a file's header. */
export function usingSetNotice(lang: Lang, file: string, id: string, document: string): string {
  return lang === 'vi'
    ? `ntm: ${file}: dùng bộ tiêu chí "${id}" (${document}); muốn chọn bộ khác, dùng --set`
    : `ntm: ${file}: using criteria set "${id}" (${document}); choose another with --set`;
}

/** The line `ntm validate` ends each file with: what was checked and how many problems it has. */
export function validationSummary(
  lang: Lang,
  file: string,
  what: 'set' | 'survey',
  errors: number,
  warnings: number,
  set?: string,
  units?: number,
): string {
  const vi = lang === 'vi';
  const found =
    errors + warnings === 0
      ? vi
        ? 'không có vấn đề nào'
        : 'no problems'
      : vi
        ? `${errors} lỗi, ${warnings} cảnh báo`
        : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const context =
    what === 'set'
      ? set
        ? vi
          ? `bộ tiêu chí "${set}"`
          : `criteria set "${set}"`
        : vi
          ? 'tệp bộ tiêu chí'
          : 'criteria-set file'
      : set
        ? vi
          ? `số liệu đọc theo bộ "${set}"${units !== undefined ? `, ${units} đơn vị` : ''}`
          : `survey read with set "${set}"${units !== undefined ? `, ${units} unit${units === 1 ? '' : 's'}` : ''}`
        : vi
          ? 'tệp số liệu'
          : 'survey file';
  return `ntm: ${file}: ${found} (${context})`;
}

/** The progress line shown while a large file is read on a terminal. */
export function readingNotice(lang: Lang, file: string, read: string, total: string, percent: number): string {
  return lang === 'vi'
    ? `ntm: đang đọc ${file}: ${read} / ${total} MB (${percent}%)`
    : `ntm: reading ${file}: ${read} / ${total} MB (${percent}%)`;
}

/** An error inside ntm itself (a bug), not in its input. */
export function internalError(lang: Lang, detail: string, debug: boolean): string {
  const head = lang === 'vi' ? `ntm: lỗi nội bộ: ${detail}` : `ntm: internal error: ${detail}`;
  const tail =
    lang === 'vi'
      ? 'Chạy lại với --debug để xem chi tiết, và báo lỗi kèm dữ liệu đầu vào gây ra lỗi.'
      : 'Run again with --debug for details, and report it with the input that caused it.';
  return debug ? `${head}\n` : `${head}\n${tail}\n`;
}

/**
 * Commander's own usage errors ("error: unknown option '--fomat'"), in Vietnamese; a message it
 * does not know is kept as commander wrote it.
 */
export function commanderVi(text: string): string {
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^error: unknown option '(.*)'$/, (o) => `lỗi: không có tuỳ chọn '${o}'`],
    [/^\(Did you mean (.*)\?\)$/, (o) => `(Có phải ý bạn là ${o}?)`],
    [
      /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
      (o, v, c) => `lỗi: tuỳ chọn '${o}' không nhận giá trị '${v}'. Các giá trị được phép: ${c}.`,
    ],
    [
      /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/,
      (v, a, c) => `lỗi: đối số '${a}' không nhận giá trị '${v}'. Các giá trị được phép: ${c}.`,
    ],
    [/^error: option '(.*)' argument missing$/, (o) => `lỗi: tuỳ chọn '${o}' thiếu giá trị`],
    [/^error: missing required argument '(.*)'$/, (a) => `lỗi: thiếu đối số bắt buộc '${a}'`],
    [/^error: unknown command '(.*)'$/, (c) => `lỗi: không có lệnh '${c}'`],
    [
      /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/,
      (c, n, g) => `lỗi: lệnh '${c}' chỉ nhận ${n} đối số nhưng có ${g}.`,
    ],
    [
      /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/,
      (n, g) => `lỗi: chỉ nhận ${n} đối số nhưng có ${g}.`,
    ],
  ];
  return text
    .split('\n')
    .map((line) => {
      for (const [re, vi] of rules) {
        const m = re.exec(line);
        if (m) return vi(...m.slice(1));
      }
      return line.startsWith('error: ') ? `lỗi: ${line.slice('error: '.length)}` : line;
    })
    .join('\n');
}

/**
 * The language of a command line, read before commander parses it, for the errors found while it
 * parses (and in commands that take no --lang): `--lang vi|en` or `--lang=…`, else the locale's.
 */
export function langFromArgv(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  let lang: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang') lang = argv[i + 1];
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
  });
  return lang === 'vi' || lang === 'en' ? lang : defaultLang(env);
}

/** Vietnamese when the user's locale is Vietnamese, English otherwise. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi([_.-]|$)/i.test(locale) ? 'vi' : 'en';
}
