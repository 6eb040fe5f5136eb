// Help in both languages with real examples, and shell completion scripts. Output through the
// real bin/ntm; the completeness of the Vietnamese tables in-process.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommands, argumentVi, commandPath, optionVi } from '../src/cli/help.js';
import { buildProgram } from '../src/cli/main.js';
import { COMMANDS_VI } from '../src/i18n/help-vi.js';
import { ntm, ROOT, tempDir } from './helpers/cli.js';

const PATHS = ['', 'evaluate', 'validate', 'sets', 'sets list', 'sets show', 'sets diff', 'completion'];
const help = (path: string, lang: string) => ntm([...path.split(' ').filter(Boolean), '--help', '--lang', lang]);

describe('--help', () => {
  it('every command shows real examples, in English and in Vietnamese', async () => {
    for (const path of PATHS) {
      const [en, vi] = await Promise.all([help(path, 'en'), help(path, 'vi')]);
      expect(en.code, path).toBe(0);
      expect(en.stdout, path).toMatch(/\nExamples:\n {2}ntm |\nExamples:\n {2}source <\(ntm/);
      expect(vi.stdout, path).toMatch(/\nVí dụ:\n/);
      expect(vi.stdout.startsWith(`Cách dùng: ntm${path ? ` ${path}` : ''} `), path).toBe(true);
    }
  });

  it("under --lang vi the options, arguments, headings and commander's notes are Vietnamese", async () => {
    const r = await help('evaluate', 'vi');
    expect(r.stdout).toContain('\nĐối số:\n  files ');
    expect(r.stdout).toContain('\nTuỳ chọn:\n');
    expect(r.stdout).toContain('  --force                ghi đè tệp kết quả đã có\n');
    expect(r.stdout).toMatch(/\(chọn một\s+trong: "unit", "criterion", "owner", "parent", mặc\s+định: "unit"\)/);
    expect(r.stdout).toContain('mặc định: vi khi máy dùng tiếng Việt)');
    expect(r.stdout).toContain('  -h, --help             hiển thị trợ giúp của lệnh\n');
    expect(r.stdout).toContain(
      '\nMã thoát: 0 mọi đơn vị đạt chuẩn, 1 có đơn vị chưa đạt, 2 đầu vào hoặc cách gọi lệnh sai.\n',
    );
    for (const english of [
      'Options:',
      'Usage:',
      'choices',
      'default:',
      'replace an existing output file',
      'display help',
    ]) {
      expect(r.stdout).not.toContain(english);
    }
    const top = await help('', 'vi');
    expect(top.stdout).toContain('\nLệnh:\n');
    expect(top.stdout).toContain('  sets                           liệt kê, xem và so sánh các bộ tiêu chí\n');
    expect(top.stdout).toContain('  help [command]                 hiển thị trợ giúp của lệnh\n');
  });

  it('follows a Vietnamese locale without --lang, and stays English otherwise', async () => {
    const vi = await ntm(['sets', 'diff', '--help'], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(vi.stdout).toContain('những gì thay đổi từ bộ này sang bộ kia');
    const en = await ntm(['sets', 'diff', '--help']);
    expect(en.stdout).toContain('what changed from one set to the next');
    expect(en.stdout).toContain('  --format <format>  output format (choices: "table", "markdown", "json",\n');
  });

  it('has a Vietnamese text for every command, argument and option (add one line to src/i18n/help-vi.ts)', () => {
    const missing = allCommands(buildProgram('en', () => {})).flatMap((cmd) => {
      const path = commandPath(cmd);
      return [
        ...(COMMANDS_VI[path] ? [] : [`command "${path}"`]),
        ...cmd.options.filter((o) => !optionVi(path, o)).map((o) => `option ${path} ${o.long}`),
        ...cmd.registeredArguments.filter((a) => !argumentVi(path, a)).map((a) => `argument ${path} <${a.name()}>`),
      ];
    });
    expect(missing).toEqual([]);
  });
});

describe('ntm completion', () => {
  const complete = (script: string, words: string[], cwd: string) => {
    const file = join(cwd, 'ntm.bash');
    writeFileSync(file, script);
    const line = words.map((w) => `'${w}'`).join(' ');
    const probe = `source ${file}; COMP_WORDS=(${line}); COMP_CWORD=${words.length - 1}; _ntm; printf '%s\\n' "\${COMPREPLY[@]}"`;
    return spawnSync('bash', ['-c', probe], { cwd, encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
  };

  it('bash: a script bash accepts, that completes commands, options, format names, regions and set ids', async () => {
    const r = await ntm(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: r.stdout }).status).toBe(0);
    const dir = tempDir({ 'thon.csv': 'x', 'notes.txt': 'x', 'bo-tinh.yaml': 'x' });
    expect(complete(r.stdout, ['ntm', ''], dir)).toEqual(['sets', 'evaluate', 'template', 'validate', 'completion']);
    expect(complete(r.stdout, ['ntm', 'sets', ''], dir)).toEqual(['list', 'show', 'diff']);
    expect(complete(r.stdout, ['ntm', 'evaluate', '--format', ''], dir)).toEqual([
      'table',
      'json',
      'jsonl',
      'csv',
      'markdown',
      'xlsx',
      'html',
    ]);
    expect(complete(r.stdout, ['ntm', 'evaluate', '--fo'], dir)).toEqual(['--format', '--force']);
    expect(complete(r.stdout, ['ntm', 'evaluate', '--region', 'Đ'], dir)).toEqual(['ĐBSH', 'ĐNB', 'ĐBSCL']);
    expect(complete(r.stdout, ['ntm', 'evaluate', '--set', 'b'], dir)).toEqual([
      'bac-kan-thon-2019',
      'bac-kan-xa-2017',
      'bac-kan-xa-nang-cao-2018',
      'bo-tinh.yaml',
    ]);
    expect(complete(r.stdout, ['ntm', 'sets', 'diff', 'quoc-gia-xa-20'], dir)).toEqual([
      'quoc-gia-xa-2016',
      'quoc-gia-xa-2021',
      'quoc-gia-xa-2026',
    ]);
    expect(complete(r.stdout, ['ntm', 'validate', 't'], dir)).toEqual(['thon.csv']);
    expect(complete(r.stdout, ['ntm', 'completion', ''], dir)).toEqual(['bash', 'zsh', 'fish']);
  });

  it('offers the ids of the sets in --sets folders too', async () => {
    const r = await ntm(['completion', 'bash', '--sets', join(ROOT, 'fixtures/sets')]);
    const dir = tempDir();
    expect(complete(r.stdout, ['ntm', 'evaluate', '--set', 'kiem'], dir)).toEqual(['kiem-thu-tinh', 'kiem-thu-xa']);
  });

  it('zsh and fish: the same commands, options, format names and set ids', async () => {
    const zsh = await ntm(['completion', 'zsh']);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout.startsWith('#compdef ntm\n')).toBe(true);
    expect(zsh.stdout).toContain(
      `'evaluate:--format') compadd -- 'table' 'json' 'jsonl' 'csv' 'markdown' 'xlsx' 'html'; return ;;`,
    );
    expect(zsh.stdout).toContain(`'sets:diff') cmdpath='sets diff' ;;`);
    expect(zsh.stdout).toContain(`'quoc-gia-xa-2021'`);
    const fish = await ntm(['completion', 'fish']);
    expect(fish.stdout).toContain(`complete -c ntm -n '__fish_use_subcommand' -a 'evaluate'\n`);
    expect(fish.stdout).toContain(
      `complete -c ntm -n '__fish_seen_subcommand_from evaluate' -l format -r -x -a 'table json jsonl csv markdown xlsx html'\n`,
    );
    expect(fish.stdout).toContain(
      `complete -c ntm -n '__fish_seen_subcommand_from sets; and __fish_seen_subcommand_from diff' -F -a '`,
    );
    for (const [shell, text] of [
      ['zsh', zsh.stdout],
      ['fish', fish.stdout],
    ] as const) {
      // Checked by the shell itself where it is installed.
      const has = spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
      if (has) expect(spawnSync(shell, ['-n'], { input: text }).status, shell).toBe(0);
    }
  });

  it('an unknown shell is a usage error (exit 2)', async () => {
    const r = await ntm(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n`,
    );
    const vi = await ntm(['completion', 'powershell', '--lang', 'vi']);
    expect(vi.stderr).toBe(
      `lỗi: đối số 'shell' không nhận giá trị 'powershell'. Các giá trị được phép: bash, zsh, fish.\n`,
    );
  });
});
