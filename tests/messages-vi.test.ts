import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, json, ntm, ROOT, tempDir } from './helpers/cli.js';
import { CATALOGUE } from '../src/problems/catalogue.js';

/** A Vietnamese locale, as on an official's machine: ntm speaks Vietnamese without --lang. */
const VI = { env: { LANG: 'vi_VN.UTF-8' } };
const SETS = join(ROOT, 'tests/bad-input/sets');
const header = 'Tên thôn,Tên xã,' + Array.from({ length: 16 }, (_, i) => String(i + 1)).join(',');
const row = (name: string, marks: string[]) => `${name},Vân Tùng,${marks.join(',')}`;

describe('errors and warnings in Vietnamese', () => {
  it('a mark ntm does not know: the cell, what it may hold, exit 2', async () => {
    const marks = Array(16).fill('1');
    marks[4] = 'abc';
    const dir = tempDir({ 'm.csv': [header, row('Pác Cáp', marks)].join('\n') });
    const r = await ntm(['evaluate', join(dir, 'm.csv')], VI);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'm.csv')}:2:7: lỗi: cột "5": không đọc được ô: “abc” — cần 1, x, ✓, Đạt, có, yes, true (đạt) hoặc 0, Không đạt, không, no, false, để trống (không đạt), ? (chưa có số liệu)\n  gợi ý: Sửa lại ô này (để trống nghĩa là chưa có số liệu).\n`,
    );
    expect(r.stderr).not.toMatch(/error:|hint:|not understood/);
  });

  it('the total that disagrees with the marks (Nà Y: 14 marked, 13 written), and the set ntm chose', async () => {
    const r = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv')], VI);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `ntm: ${fixture('ngan-son-2021-thon.csv')}: dùng bộ tiêu chí "bac-kan-thon-2019" (225/QĐ-UBND); muốn chọn bộ khác, dùng --set\n`,
    );
    expect(r.stderr).toContain(
      `${fixture('ngan-son-2021-thon.csv')}:8:20: cảnh báo: Nà Y (Thượng Ân): tổng số tiêu chí đạt ghi 13 nhưng các ô đánh dấu cộng lại là 14\n  gợi ý: ntm tính theo các ô đánh dấu; hãy sửa lại cột tổng hoặc các ô đánh dấu.\n`,
    );
    expect(r.stdout).toContain('Số đơn vị đánh giá: 8');
  });

  it('a file that does not exist', async () => {
    const r = await ntm(['evaluate', 'khong-co.csv'], VI);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'khong-co.csv: lỗi: không mở được khong-co.csv: không có tệp này\n  gợi ý: Kiểm tra lại đường dẫn.\n',
    );
  });

  it('an unknown --set', async () => {
    const r = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '--set', 'khong-co'], VI);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'lỗi: không có bộ tiêu chí "khong-co"\n  gợi ý: Lệnh `ntm sets list` liệt kê các bộ tiêu chí ntm biết.\n',
    );
  });

  it('an unknown key in a criteria-set file, with "did you mean", in a command that takes no report (sets list)', async () => {
    const r = await ntm(['sets', 'list', '--sets', join(SETS, 'unknown-key')], VI);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${SETS}/unknown-key/t-unknown.yaml:11:5: lỗi: khoá "ower" không hợp lệ trong criteria[0]\n  gợi ý: Có phải ý bạn là "owner"?\n`,
    );
  });

  it('a YAML value of the wrong type, and a YAML syntax error whose parser text stays as it is', async () => {
    const type = await ntm(['sets', 'list', '--sets', join(SETS, 'wrong-type')], VI);
    expect(type.stderr).toContain(
      `${SETS}/wrong-type/t-type.yaml:8:15: lỗi: default_year: cần một số, nhưng gặp chuỗi "hai nghìn"`,
    );
    const syntax = await ntm(['sets', 'list', '--sets', join(SETS, 'syntax')], VI);
    expect(syntax.stderr).toContain(
      `${SETS}/syntax/t-syntax.yaml:11:1: lỗi: lỗi cú pháp YAML: Flow sequence in block collection`,
    );
  });

  it('an existing -o file without --force', async () => {
    const dir = tempDir({ 'bao-cao.md': 'cũ' });
    const out = join(dir, 'bao-cao.md');
    const r = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '-o', out], VI);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${out}: lỗi: ${out} đã có; tệp được giữ nguyên\n  gợi ý: Thêm --force để ghi đè, hoặc chọn đường dẫn -o khác.\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('cũ');
    const forced = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '-o', out, '--force'], VI);
    expect(forced.stderr).toContain(`ntm: đã ghi báo cáo ${out}`);
  });

  it('thresholds not verified against the decision', async () => {
    const dir = tempDir({ 'xa.csv': 'Tên xã,1.2,2.1\nBằng Vân,"8,2%",40\n' });
    const r = await ntm(['evaluate', join(dir, 'xa.csv'), '--sets', fixture('sets'), '--set', 'kiem-thu-xa'], VI);
    expect(r.stderr).toContain('cảnh báo: 2 ngưỡng dùng ở đây chưa được kiểm chứng với văn bản KIỂM THỬ: 1.2, 2.1\n');
    expect(r.stderr).toContain(
      '  gợi ý: Lệnh `ntm sets show kiem-thu-xa` cho biết nguồn của từng giá trị; hãy kiểm tra trước khi dựa vào kết quả đánh giá này.\n',
    );
  });

  it('an option found wrong before any command runs (--year) still speaks the language of --lang', async () => {
    const vi = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '--year', '20', '--lang', 'vi']);
    expect(vi.stderr).toBe('lỗi: --year 20 không phải là một năm\n  gợi ý: Ghi năm, ví dụ 2024.\n');
    const viEq = await ntm(['sets', 'list', '--lang=vi', '--sets', join(SETS, 'unknown-key')]);
    expect(viEq.stderr).toContain('lỗi: khoá "ower" không hợp lệ');
  });
});

describe('usage errors from the option parser (commander)', () => {
  it('are in Vietnamese under a vi locale, and as commander writes them with --lang en', async () => {
    const vi = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '--fomat', 'json'], VI);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe("lỗi: không có tuỳ chọn '--fomat'\n(Có phải ý bạn là --format?)\n");
    const choice = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '--format', 'docx'], VI);
    expect(choice.stderr).toBe(
      "lỗi: tuỳ chọn '--format <format>' không nhận giá trị 'docx'. Các giá trị được phép: table, json, jsonl, csv, markdown, xlsx, html.\n",
    );
    const en = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '--fomat', 'json', '--lang', 'en'], VI);
    expect(en.stderr).toBe("error: unknown option '--fomat'\n(Did you mean --format?)\n");
  });
});

describe('--lang en under a Vietnamese locale', () => {
  it('keeps every message, hint and notice in English', async () => {
    const r = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '--lang', 'en'], VI);
    expect(r.stderr).toContain(
      `ntm: ${fixture('ngan-son-2021-thon.csv')}: using criteria set "bac-kan-thon-2019" (225/QĐ-UBND); choose another with --set\n`,
    );
    expect(r.stderr).toContain(
      `${fixture('ngan-son-2021-thon.csv')}:8:20: warning: Nà Y (Thượng Ân): the marks add up to 14 criteria met, the total column says 13\n  hint: ntm counts the marks; correct the total or the marks.\n`,
    );
    const missing = await ntm(['evaluate', 'khong-co.csv', '--lang', 'en'], VI);
    expect(missing.stderr).toBe(
      'khong-co.csv: error: cannot open khong-co.csv: no such file\n  hint: Check the path.\n',
    );
    const yaml = await ntm(['sets', 'list', '--lang', 'en', '--sets', join(SETS, 'unknown-key')], VI);
    expect(yaml.stderr).toBe(
      `${SETS}/unknown-key/t-unknown.yaml:11:5: error: unknown key "ower" in criteria[0]\n  hint: did you mean "owner"?\n`,
    );
  });

  it('JSON warnings keep kind, position and the English message, with the params', async () => {
    const r = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '--format', 'json'], VI);
    const w = json(r).warnings.find((p: { kind: string }) => p.kind === 'total-mismatch');
    expect(w).toEqual({
      kind: 'total-mismatch',
      severity: 'warning',
      file: fixture('ngan-son-2021-thon.csv'),
      line: 8,
      column: 20,
      message: 'Nà Y (Thượng Ân): the marks add up to 14 criteria met, the total column says 13',
      hint: 'ntm counts the marks; correct the total or the marks.',
      params: { unit: 'Nà Y', parent: 'Thượng Ân', marks: 14, total: 13 },
    });
  });
});

describe('every problem kind has its text in English and Vietnamese', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
    });

  /**
   * Every kind a problem site in src/ gives `problem('…', …)` or `fail('…', …)`, outside the
   * catalogue, and the schema-problem kinds of the YAML formats (load-yaml's `kind: '…-schema'`).
   */
  const usedKinds = () => {
    const kinds = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      if (file.includes(join('src', 'problems', ''))) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:problem|fail)\(\s*'([a-z-]+)'/g)) kinds.add(m[1]!);
      for (const m of text.matchAll(/\bkind: '([a-z-]+-schema)',/g)) kinds.add(m[1]!);
    }
    return kinds;
  };

  it('each problem site in src/ names a kind of the catalogue (tsc checks it too: Problem.kind is typed by it)', () => {
    const problemKinds = [...usedKinds()];
    expect(problemKinds.length).toBeGreaterThan(40);
    expect(problemKinds.filter((k) => !(k in CATALOGUE))).toEqual([]);
  });

  it('no site builds a problem by hand, with its message inline', () => {
    const inline = sources(join(ROOT, 'src'))
      .filter((file) => !file.includes(join('src', 'problems', '')))
      .filter((file) => /\bkind: '[a-z-]+',?\s[^]{0,400}?\bmessage\b/.test(readFileSync(file, 'utf8')));
    expect(inline).toEqual([]);
  });

  it('no entry is left over from a kind that is gone, and each gives text in both languages without params', () => {
    const used = usedKinds();
    expect(Object.keys(CATALOGUE).filter((k) => !used.has(k))).toEqual([]);
    for (const entry of Object.values(CATALOGUE)) {
      expect(entry.en({}).message.length).toBeGreaterThan(0);
      expect(entry.vi({}).message.length).toBeGreaterThan(0);
    }
  });
});
