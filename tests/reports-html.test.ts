import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, ntm, tempDir } from './helpers/cli.js';
import { DATE_ENV } from './reports-helpers.js';

// Debian's chromium, driven by puppeteer-core (which downloads no browser). .ci/run installs it.
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const underCI = process.env.CI === 'true';

if (!haveChromium && underCI) {
  describe('HTML report in a browser', () => {
    it('needs chromium under CI', () => {
      throw new Error(`${CHROMIUM} is missing: the HTML report cannot be checked (apt-get install chromium)`);
    });
  });
} else if (!haveChromium) {
  console.warn(`reports-html: skipped, ${CHROMIUM} is missing (apt-get install chromium); under CI this fails`);
}

const ANNEX = fixture('ngan-son-2021-thon.csv');
const XA = fixture('reports/bac-kan-xa-2020-values.csv');

describe.skipIf(!haveChromium)('ntm evaluate -o report.html, opened in headless Chromium', () => {
  let browser: Browser;
  let profile: string;

  beforeAll(async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    profile = mkdtempSync(join(tmpdir(), 'ntm-chromium-'));
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Writes the report, opens it, and records every request the page makes beyond the file itself. */
  async function open(args: string[], lang = 'en'): Promise<{ page: Page; requests: string[] }> {
    const file = join(tempDir(), 'report.html');
    const r = await ntm(['evaluate', ...args, '-o', file, '--lang', lang], { env: DATE_ENV });
    expect(r.code).toBe(1);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage();
    const requests: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url() === url) return void req.continue();
      requests.push(req.url());
      void req.abort();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests };
  }

  const texts = (page: Page, selector: string) =>
    page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText.trim()));

  it('shows the summary figures, a units × criteria heat-map in the set order, and every gap; fetches nothing', async () => {
    const { page, requests } = await open([ANNEX]);
    expect(await page.title()).toBe('New rural development (nông thôn mới) criteria: evaluation — bac-kan-thon-2019');
    expect(await texts(page, '#summary .figure')).toEqual([
      '8\nUnits evaluated',
      '0\nMeeting the standard',
      '10.38/16\nAverage criteria met',
      'verified 0 · secondary source 0 · by mark 128\nCriterion verdicts resting on',
    ]);
    expect(await page.$$eval('.heatmap tbody tr', (rows) => rows.length)).toBe(8);
    expect(await page.$$eval('.heatmap td.mark', (cells) => cells.length)).toBe(8 * 16);
    expect(await page.$$eval('.heatmap td.mark.met', (cells) => cells.length)).toBe(83);
    expect((await texts(page, '.heatmap th.crit')).slice(0, 4)).toEqual([
      '1. Ban phát triển thôn',
      '2. Quy ước, hương ước thôn',
      '3. Kế hoạch thực hiện tiêu chí',
      '4. Giao thông',
    ]);
    expect(
      await page.$eval('.heatmap tbody tr:nth-child(2)', (tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent),
      ),
    ).toEqual([
      '2',
      'Nà Y',
      'Thượng Ân',
      '1',
      '1',
      '',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '',
      '1',
      '1',
      '1',
      '1',
      '14/16',
      'Does not meet',
    ]);
    const colours = await page.$$eval('.heatmap td.mark', (cells) =>
      [...new Set(cells.map((c) => `${c.className}:${getComputedStyle(c).backgroundColor}`))].sort(),
    );
    expect(colours).toEqual(['mark met:rgb(198, 239, 206)', 'mark unmet:rgb(255, 199, 206)']);
    const gaps = await texts(page, '#gaps tbody tr');
    expect(gaps).toHaveLength(45);
    expect(gaps).toContain('9\tNà Y\tThượng Ân\t3. Kế hoạch thực hiện tiêu chí\t\tNot met\tMet\t\tUBND xã');
    expect(await page.$$eval('script, link, img, iframe, object, embed', (els) => els.length)).toBe(0);
    expect(requests).toEqual([]);
  });

  it('stays readable when printed: colours kept, header rows repeated, A4 landscape', async () => {
    const { page } = await open([XA, '--set', 'bac-kan-xa-2017']);
    await page.emulateMediaType('print');
    const style = await page.$eval('.heatmap td.no-data', (td) => ({
      adjust: getComputedStyle(td).printColorAdjust,
      bg: getComputedStyle(td).backgroundColor,
      text: td.textContent,
    }));
    expect(style).toEqual({ adjust: 'exact', bg: 'rgb(255, 235, 156)', text: '?' });
    expect(await page.$eval('.heatmap thead', (h) => getComputedStyle(h).display)).toBe('table-header-group');
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await texts(page, '#summary .figure .label')).toContain('Incomplete data');
  });

  it('renders the planning view and the owners view', async () => {
    const byC = await open([ANNEX, '--by', 'criterion']);
    const rows = await texts(byC.page, '#by-criterion tbody tr');
    expect(rows[0]).toBe('3. Kế hoạch thực hiện tiêu chí\tUBND xã\t2/8\tNà Y (Thượng Ân); Nà Ngần (Thượng Quan)');
    expect(await byC.page.$$eval('.heatmap td.mark', (cells) => cells.length)).toBe(128);
    const byO = await open([ANNEX, '--by', 'owner']);
    expect((await texts(byO.page, '#by-owner h3'))[0]).toBe('Công an huyện (1)');
  });

  it('speaks Vietnamese with --lang vi', async () => {
    const { page } = await open([ANNEX], 'vi');
    expect(await page.$eval('html', (h) => h.lang)).toBe('vi');
    // The summary is written last (it is known only then) and shown first.
    expect(await texts(page, 'h2')).toEqual(['Đơn vị × tiêu chí', 'Các chỉ tiêu chưa đạt', 'Tổng hợp']);
    const top = (selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().top);
    expect(await top('#summary')).toBeLessThan(await top('#heatmap'));
    expect(await top('header')).toBeLessThan(await top('#summary'));
    expect(await texts(page, '#summary .figure')).toEqual([
      '8\nSố đơn vị đánh giá',
      '0\nSố đơn vị đạt chuẩn',
      '10,38/16\nBình quân tiêu chí đạt',
      'đã kiểm chứng 0 · nguồn thứ cấp 0 · theo đánh giá 128\nKết luận tiêu chí dựa trên',
    ]);
    expect((await texts(page, '.heatmap tbody tr td:last-child'))[0]).toBe('Chưa đạt');
  });

  it('shows survey text as text: a village named like markup or a formula loads nothing', async () => {
    const header = 'Tên thôn,Tên xã,' + Array.from({ length: 16 }, (_, i) => String(i + 1)).join(',');
    const dir = tempDir({
      'x.csv': `${header}\n"<img src=http://127.0.0.1:9/x.png onerror=alert(1)>",Vân Tùng,${Array(15).fill('1').join(',')},\n"=HYPERLINK(""http://x"",""y"")",<b>Xã</b>,${Array(16).fill('1').join(',')}\n`,
    });
    const { page, requests } = await open([join(dir, 'x.csv'), '--set', 'bac-kan-thon-2019']);
    expect(await texts(page, '.heatmap tbody tr td:nth-child(2)')).toEqual([
      '<img src=http://127.0.0.1:9/x.png onerror=alert(1)>',
      '=HYPERLINK("http://x","y")',
    ]);
    expect(await page.$$eval('img, b', (els) => els.length)).toBe(0);
    expect(requests).toEqual([]);
  });
});
