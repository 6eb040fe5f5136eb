import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, json, ntm, tempDir } from './helpers/cli.js';

// The annex of the Ngân Sơn 2021 plan: 8 villages, 16 criteria marked "1", a total column.
const ANNEX = fixture('ngan-son-2021-thon.csv');
const VILLAGES = ['Cốc Phia', 'Nà Y', 'Khu Chợ 1', 'Bản Chang', 'Nà Ngần', 'Khu Chợ', 'Bản Quán', 'Bản Phạc'];

describe('ntm evaluate on the Ngân Sơn annex', () => {
  it('prints the 8 villages, what each misses with its owner, and a summary; exit 1', async () => {
    // A wide terminal: every missing criterion fits on its line.
    const r = await ntm(['evaluate', ANNEX], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(1);
    for (const v of VILLAGES) expect(r.stdout).toContain(v);
    expect(r.stdout).toMatch(/Nà Y\s*│\s*Thượng Ân\s*│\s*14\/16\s*│\s*Does not meet/);
    expect(r.stdout).toMatch(/Cốc Phia\s*│\s*Cốc Đán\s*│\s*8\/16/);
    expect(r.stdout).toContain('4. Giao thông — Phòng Kinh tế và Hạ tầng');
    expect(r.stdout).toContain('Units evaluated: 8; Meeting the standard: 0; Average criteria met: 10.38/16');
    expect(r.stdout).toMatch(
      /Criteria missed most often: 7\. Cơ sở vật chất văn hóa \(7\); 12\. Mô hình sản xuất \(7\)/,
    );
    expect(r.stderr).toContain('using criteria set "bac-kan-thon-2019"');
  });

  it('finds the row of the annex whose total is wrong (Nà Y: 14 marks, total 13)', async () => {
    const r = await ntm(['evaluate', ANNEX]);
    const mismatches = r.stderr.split('\n').filter((l) => l.includes('the marks add up to'));
    expect(mismatches).toEqual([
      `${ANNEX}:8:20: warning: Nà Y (Thượng Ân): the marks add up to 14 criteria met, the total column says 13`,
    ]);
  });

  it('gives the JSON scripts rely on', async () => {
    const r = await ntm(['evaluate', ANNEX, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = json(r);
    expect(out.set.id).toBe('bac-kan-thon-2019');
    expect(out.units.map((u: { name: string }) => u.name)).toEqual(VILLAGES);
    const naY = out.units[1];
    expect(naY).toMatchObject({ name: 'Nà Y', parent: 'Thượng Ân', meets: false, met: 14, total: 16 });
    expect(naY.gaps).toEqual([
      expect.objectContaining({ criterion: '3', name: 'Kế hoạch thực hiện tiêu chí', owner: 'UBND xã', kind: 'unmet' }),
      expect.objectContaining({
        criterion: '12',
        name: 'Mô hình sản xuất',
        owner: 'Phòng Nông nghiệp và PTNT',
        kind: 'unmet',
      }),
    ]);
    expect(out.summary).toMatchObject({ units: 8, meeting: 0, averageMet: 10.38 });
    expect(out.warnings.map((w: { kind: string }) => w.kind)).toContain('total-mismatch');
  });

  it('reads the annex as Excel writes it in a Vietnamese locale: ";" separated, BOM, CRLF, title rows', async () => {
    const raw = readFileSync(fixture('ngan-son-2021-thon-excel-vn.csv'));
    expect(raw.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(raw.toString('utf8')).toContain(';Tên thôn;Tên xã;');
    expect(raw.toString('utf8')).toContain('\r\n');
    const [plain, excel] = await Promise.all([
      ntm(['evaluate', ANNEX, '--format', 'json']),
      ntm(['evaluate', fixture('ngan-son-2021-thon-excel-vn.csv'), '--format', 'json']),
    ]);
    expect(excel.code).toBe(1);
    expect(json(excel).units.map(strip)).toEqual(json(plain).units.map(strip));
  });

  it('reads NFD-decomposed Vietnamese and reports names in NFC', async () => {
    const raw = readFileSync(fixture('ngan-son-2021-thon-nfd.csv'), 'utf8');
    expect(raw).not.toBe(raw.normalize('NFC'));
    const [plain, nfd] = await Promise.all([
      ntm(['evaluate', ANNEX, '--format', 'json']),
      ntm(['evaluate', fixture('ngan-son-2021-thon-nfd.csv'), '--format', 'json']),
    ]);
    expect(json(nfd).set.id).toBe('bac-kan-thon-2019');
    expect(json(nfd).units.map(strip)).toEqual(json(plain).units.map(strip));
    expect(json(nfd).units[3].parent).toBe('Đức Vân'.normalize('NFC'));
  });

  it('reads standard input with "-"', async () => {
    const r = await ntm(['evaluate', '-', '--format', 'json'], { input: readFileSync(ANNEX) });
    expect(r.code).toBe(1);
    expect(json(r).units).toHaveLength(8);
    expect(json(r).units[0].file).toBe('(stdin)');
  });

  it('exits 0 when every unit meets the standard', async () => {
    const header = 'Tên thôn,Tên xã,' + Array.from({ length: 16 }, (_, i) => String(i + 1)).join(',');
    const dir = tempDir({
      'ok.csv': `${header}\nNà Lạn,Vân Tùng,${Array(16).fill('Đạt').join(',')}\nPác Cáp,Vân Tùng,${Array(16).fill('x').join(',')}\n`,
    });
    const r = await ntm(['evaluate', `${dir}/ok.csv`, '--set', 'bac-kan-thon-2019']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Meeting the standard: 2');
    expect(r.stdout).toMatch(/Nà Lạn\s*│\s*Vân Tùng\s*│\s*16\/16\s*│\s*Meets/);
  });

  it('prints only the summary line with --quiet', async () => {
    const r = await ntm(['evaluate', ANNEX, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'Units evaluated: 8; Meeting the standard: 0; Average criteria met: 10.38/16; Criterion verdicts resting on: verified 0 · secondary source 0 · by mark 128; Warnings: 2\n',
    );
  });
});

const strip = ({ file: _f, line: _l, ...rest }: Record<string, unknown>) => rest;
