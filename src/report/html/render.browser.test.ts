import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { complianceStatus, getFramework } from '../../compliance/index.js';
import { demoReport } from '../__tests__/demo-report.js';
import { renderHtml } from './render.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`HTML report browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium).`);

describe.skipIf(!hasChromium)('html report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'rampart-html-'));
  const report = demoReport();

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtml(report, { compliance: complianceStatus(getFramework('cis'), report.findings) }));
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: false });
    console.info(`HTML report screenshot: ${join(dir, 'report.png')}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders offline: no request beyond the file, and no script or CSP error', () => {
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the posture charts with a bar per guide section and per severity', async () => {
    const sections = new Set(report.findings.map((f) => f.section));
    const severities = new Set(report.findings.map((f) => f.severity));
    expect(await page.locator('#chart-sections').isVisible()).toBe(true);
    expect(await page.locator('#chart-severity').isVisible()).toBe(true);
    // One label per row on the left (text-anchor end), one rate on the right.
    expect(await page.locator('#chart-sections text.rate').count()).toBe(sections.size);
    expect(await page.locator('#chart-severity text.rate').count()).toBe(severities.size);
    const failSegments = await page.locator('#chart-sections rect.seg[data-status="fail"]').count();
    expect(failSegments).toBe(new Set(report.findings.filter((f) => f.status === 'fail').map((f) => f.section)).size);
  });

  it('has one chapter per guide section and the compliance table', async () => {
    expect(await page.locator('section.chapter').count()).toBe(new Set(report.findings.map((f) => f.section)).size);
    expect(await page.locator('#compliance tr.rq').count()).toBe(62);
    expect(await page.locator('.finding').count()).toBe(report.findings.length);
  });

  it('filters by status, severity, service and text', async () => {
    const visible = () => page.locator('.finding:visible').count();
    const total = report.findings.length;
    expect(await visible()).toBe(total);

    for (const s of ['pass', 'unknown', 'manual', 'muted']) await page.locator(`input[name="status"][value="${s}"]`).uncheck();
    const fails = report.findings.filter((f) => f.status === 'fail').length;
    expect(await visible()).toBe(fails);
    expect(await page.locator('#shown-count').textContent()).toBe(String(fails));
    for (const s of ['pass', 'unknown', 'manual', 'muted']) await page.locator(`input[name="status"][value="${s}"]`).check();

    await page.locator('input[name="severity"][value="high"]').uncheck();
    expect(await visible()).toBe(report.findings.filter((f) => f.severity !== 'high').length);
    await page.locator('input[name="severity"][value="high"]').check();

    await page.locator('select[name="service"]').selectOption('IAM');
    const iam = report.findings.filter((f) => f.resourceType.startsWith('AWS::IAM::')).length;
    expect(iam).toBeGreaterThan(0);
    expect(await visible()).toBe(iam);
    await page.locator('select[name="service"]').selectOption('');

    await page.locator('input[name="q"]').fill('user/bob');
    expect(await visible()).toBe(report.findings.filter((f) => f.resourceId.includes('user/bob')).length);
    await page.locator('input[name="q"]').fill('');
    expect(await visible()).toBe(total);
  });

  it('says so in a chapter where the filters leave nothing', async () => {
    for (const s of ['fail', 'unknown', 'manual', 'muted', 'pass']) await page.locator(`input[name="status"][value="${s}"]`).uncheck();
    expect(await page.locator('section.chapter .none:visible').count()).toBe(await page.locator('section.chapter').count());
    for (const s of ['fail', 'unknown', 'manual', 'muted', 'pass']) await page.locator(`input[name="status"][value="${s}"]`).check();
  });

  it('prints: filters hidden, every fold opened before printing', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form#filters').isVisible()).toBe(false);
    expect(await page.locator('details:not([open])').count()).toBeGreaterThan(0);
    await page.evaluate('window.dispatchEvent(new Event("beforeprint"))');
    expect(await page.locator('details:not([open])').count()).toBe(0);
    await page.emulateMedia({ media: 'screen' });
  });
});
