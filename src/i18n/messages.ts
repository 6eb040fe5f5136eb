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
  unverifiedCount: ['ngưỡng chưa được kiểm chứng với văn bản gốc (xem ghi chú)', 'thresholds not verified against the decision text (see notes)'],
  allVerified: ['mọi ngưỡng đã được kiểm chứng', 'every threshold verified'],
  noThreshold: ['chưa có ngưỡng (không tìm được nguồn)', 'no threshold (none could be sourced)'],
  source: ['Nguồn', 'Source'],
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
  total: ['Tổng số tiêu chí đạt', 'Criteria met'],
  tt: ['TT', 'No.'],
  date: ['Ngày', 'Date'],
  noGaps: ['Không còn chỉ tiêu nào chưa đạt.', 'No gaps remain.'],
} satisfies Record<string, [string, string]>;

export type MessageId = keyof typeof messages;

export function t(lang: Lang, id: MessageId): string {
  return messages[id][lang === 'vi' ? 0 : 1];
}

/** Vietnamese when the user's locale is Vietnamese, English otherwise. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi([_.-]|$)/i.test(locale) ? 'vi' : 'en';
}
