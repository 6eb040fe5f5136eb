import { Help, type Argument, type Command, type Option } from 'commander';
import { ARGUMENTS_VI, COMMANDS_VI, HELP_WORDS_VI, OPTIONS_VI } from '../i18n/help-vi.js';
import type { Lang } from '../i18n/messages.js';

/** A command and its subcommands, depth first. */
export function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(allCommands)];
}

/** "sets diff" for `ntm sets diff`; "" for ntm itself. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

type Example = { cmd: string; en: string; vi: string };

/** Real examples for each command's --help, run against the files that come with ntm. */
const EXAMPLES: Record<string, Example[]> = {
  '': [
    {
      cmd: 'ntm evaluate thon.csv',
      en: 'which villages meet the standard, and what each still lacks',
      vi: 'thôn nào đạt chuẩn, thôn nào còn thiếu gì',
    },
    {
      cmd: 'ntm validate thon.csv',
      en: 'check a survey before evaluating it',
      vi: 'kiểm tra tệp số liệu trước khi đánh giá',
    },
    { cmd: 'ntm sets list', en: 'the criteria sets ntm knows', vi: 'các bộ tiêu chí ntm biết' },
    { cmd: 'ntm help evaluate', en: 'the options of one command', vi: 'các tuỳ chọn của một lệnh' },
  ],
  evaluate: [
    {
      cmd: 'ntm evaluate fixtures/ngan-son-2021-thon.csv',
      en: 'the Ngân Sơn village annex, set chosen from its header',
      vi: 'phụ lục thôn của Ngân Sơn, bộ tiêu chí chọn theo dòng tiêu đề',
    },
    {
      cmd: 'ntm evaluate xa.csv --set bac-kan-xa-2017 -o bao-cao.xlsx',
      en: 'communes against the Bắc Kạn set, as a workbook',
      vi: 'đánh giá các xã theo bộ tiêu chí Bắc Kạn, ghi ra tệp Excel',
    },
    {
      cmd: 'ntm evaluate xa.csv --set quoc-gia-xa-2021 --region ĐBSH --by owner',
      en: "each department's to-do list, Red River Delta thresholds",
      vi: 'việc còn lại của từng cơ quan, ngưỡng vùng Đồng bằng sông Hồng',
    },
    {
      cmd: 'ntm evaluate thon-*.csv -q',
      en: 'only the summary line, for scripts',
      vi: 'chỉ in dòng tổng hợp, dùng trong script',
    },
  ],
  validate: [
    {
      cmd: 'ntm validate thon.csv',
      en: 'every unreadable cell and missing column at once',
      vi: 'mọi ô không đọc được và mọi cột còn thiếu, cùng lúc',
    },
    {
      cmd: 'ntm validate bo-tieu-chi-tinh.yaml --format json',
      en: 'a set you wrote: schema, ids, extends, thresholds and sources, for CI',
      vi: 'bộ tiêu chí tự soạn: cấu trúc, mã, extends, ngưỡng và nguồn, dạng JSON cho CI',
    },
  ],
  sets: [
    { cmd: 'ntm sets list', en: 'the criteria sets ntm knows', vi: 'các bộ tiêu chí ntm biết' },
    {
      cmd: 'ntm sets show quoc-gia-xa-2021 --region TDMNPB',
      en: 'one set, with the source of every threshold',
      vi: 'một bộ tiêu chí, với nguồn của từng ngưỡng',
    },
    {
      cmd: 'ntm sets diff quoc-gia-xa-2016 quoc-gia-xa-2021',
      en: 'what changed from 2016–2020 to 2021–2025',
      vi: 'những gì thay đổi từ giai đoạn 2016–2020 sang 2021–2025',
    },
  ],
  'sets list': [
    {
      cmd: 'ntm sets list --format json',
      en: 'the sets with their counts of verified thresholds',
      vi: 'các bộ tiêu chí, kèm số ngưỡng đã kiểm chứng',
    },
  ],
  'sets show': [
    {
      cmd: 'ntm sets show bac-kan-xa-2017',
      en: 'the Bắc Kạn set, with what it inherits from the national one',
      vi: 'bộ tiêu chí Bắc Kạn, kèm những gì kế thừa từ bộ quốc gia',
    },
    {
      cmd: 'ntm sets show bo-tieu-chi-tinh.yaml --lang en',
      en: 'a set file of your own',
      vi: 'một tệp bộ tiêu chí tự soạn',
    },
  ],
  'sets diff': [
    {
      cmd: 'ntm sets diff quoc-gia-xa-2016 quoc-gia-xa-2021',
      en: 'criteria, indicators and thresholds that changed',
      vi: 'các tiêu chí, chỉ tiêu và ngưỡng đã thay đổi',
    },
    {
      cmd: 'ntm sets diff quoc-gia-xa-2016 bac-kan-xa-2017 --format markdown',
      en: 'what a province changed, for a report',
      vi: 'những gì tỉnh đã sửa, để đưa vào báo cáo',
    },
  ],
  completion: [
    {
      cmd: 'source <(ntm completion bash)',
      en: 'complete ntm in this bash session (add it to ~/.bashrc to keep it)',
      vi: 'tự hoàn thành lệnh ntm trong phiên bash này (thêm vào ~/.bashrc để giữ lại)',
    },
    {
      cmd: 'ntm completion zsh > ~/.zfunc/_ntm',
      en: 'for zsh (~/.zfunc in fpath, then compinit)',
      vi: 'cho zsh (~/.zfunc nằm trong fpath, rồi chạy compinit)',
    },
    { cmd: 'ntm completion fish > ~/.config/fish/completions/ntm.fish', en: 'for fish', vi: 'cho fish' },
  ],
};

/** What the exit codes mean, for scripts. */
const EXIT_CODES: Record<string, { en: string; vi: string }> = {
  evaluate: {
    en:
      'Exit codes: 0 every unit meets the standard, 1 some do not, 2 bad input or usage.\n' +
      'With --targets: 0 every target of the plan is met, 1 some are not.',
    vi:
      'Mã thoát: 0 mọi đơn vị đạt chuẩn, 1 có đơn vị chưa đạt, 2 đầu vào hoặc cách gọi lệnh sai.\n' +
      'Với --targets: 0 mọi chỉ tiêu kế hoạch đều đạt, 1 có chỉ tiêu chưa đạt.',
  },
  validate: {
    en: 'Exit codes: 0 no errors (warnings are shown, and do not count), 2 errors.',
    vi: 'Mã thoát: 0 không có lỗi (cảnh báo được in ra nhưng không tính), 2 có lỗi.',
  },
};

/**
 * Examples under every command's help, and under `--lang vi` (or a Vietnamese locale) the whole
 * help in Vietnamese: descriptions from the tables in src/i18n/help-vi.ts, commander's headings
 * and its "(choices: …, default: …)" notes. Applied to the finished command tree, so that each
 * command keeps its English where it is written.
 */
export function localizeHelp(program: Command, lang: Lang): void {
  for (const cmd of allCommands(program)) {
    const path = commandPath(cmd);
    const examples = EXAMPLES[path];
    if (examples) cmd.addHelpText('after', examplesText(examples, lang));
    const exit = EXIT_CODES[path];
    if (exit) cmd.addHelpText('after', `\n${lang === 'vi' ? exit.vi : exit.en}`);
    if (lang !== 'vi') continue;
    cmd.configureHelp(VI_HELP);
    cmd.description(COMMANDS_VI[path] ?? cmd.description());
    for (const o of cmd.options) o.description = optionVi(path, o) ?? o.description;
    for (const a of cmd.registeredArguments) a.description = argumentVi(path, a) ?? a.description;
    cmd.helpOption('-h, --help', OPTIONS_VI['--help']);
    if (cmd.commands.length) cmd.helpCommand('help [command]', HELP_WORDS_VI['display help for command']);
  }
}

export const optionVi = (path: string, o: Option): string | undefined =>
  OPTIONS_VI[`${path} ${o.long}`] ?? OPTIONS_VI[o.long ?? ''];
export const argumentVi = (path: string, a: Argument): string | undefined => ARGUMENTS_VI[`${path} ${a.name()}`];

const VI_HELP: Partial<Help> = {
  styleTitle: (title: string) => HELP_WORDS_VI[title] ?? title,
  optionDescription(this: Help, option: Option) {
    const vi = {
      ...option,
      defaultValueDescription: HELP_WORDS_VI[option.defaultValueDescription ?? ''] ?? option.defaultValueDescription,
    };
    const text = Help.prototype.optionDescription.call(
      this,
      Object.assign(Object.create(Object.getPrototypeOf(option)), vi),
    );
    return text.replace(/\b(choices|default): /g, (_, w: string) => `${HELP_WORDS_VI[w]}: `);
  },
};

function examplesText(examples: Example[], lang: Lang): string {
  const width = Math.max(...examples.map((e) => e.cmd.length)) + 2;
  const lines = examples.map((e) => `  ${e.cmd.padEnd(width)}${lang === 'vi' ? e.vi : e.en}`);
  return `\n${lang === 'vi' ? HELP_WORDS_VI['Examples:'] : 'Examples:'}\n${lines.join('\n')}`;
}
