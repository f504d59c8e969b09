// Browser tests of the public portal: Debian's headless Chromium driven by Playwright (playwright-core
// from npm), axe-core for WCAG 2.1 AA. Starts the real portald on 127.0.0.1 with a demo data dir.
// Run by ctest (browser.public_site) with PORTALD_BIN, PORTALDCTL_BIN and BROWSER_NODE_MODULES set.
// No request may leave the machine: every request to another host fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireModule, ctl as ctlOn, startDaemon, launchChromium, keepOnMachine } from './support/portald.mjs';

const axeSource = fs.readFileSync(requireModule.resolve('axe-core/axe.min.js'), 'utf8');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-browser-'));
const data = path.join(work, 'data');
let daemon;
let base;
let browser;
const pageErrors = [];

const ctl = (...args) => ctlOn(data, ...args);

function seed() {
  ctl('init', '--demo');
  const cats = ['Kinh tế', 'Y tế', 'Giáo dục'];
  const lines = [];
  for (let i = 1; i <= 9; i++) {
    const day = String(i).padStart(2, '0');
    lines.push(JSON.stringify({
      id: `b${i}`, title: `Bài thử nghiệm số ${i} về ${cats[i % 3]}`, summary: `Tóm tắt bài ${i}`,
      body_html: `<p>Nội dung bài ${i}.</p><p><img src="/static/logo.svg" alt="Biểu trưng minh họa"></p>`,
      category: cats[i % 3], agency: 'Sở Thông tin', author: 'Phóng viên', published_at: `2025-03-${day}T08:00:00+07:00`,
    }));
  }
  fs.writeFileSync(path.join(work, 'a.jsonl'), lines.join('\n') + '\n');
  ctl('import', 'articles', path.join(work, 'a.jsonl'));
  fs.writeFileSync(path.join(work, 'quyet-dinh.pdf'), '%PDF-1.4\n% browser test\n%%EOF\n');
  fs.writeFileSync(path.join(work, 'd.jsonl'), JSON.stringify({
    id: 'bd1', number: '99/2025/QĐ-UBND', type: 'Quyết định', issuer: 'UBND tỉnh', signer: 'Người ký thử',
    issued_on: '2025-04-01', abstract: 'Văn bản thử nghiệm tải tệp', files: ['quyet-dinh.pdf'],
  }) + '\n');
  ctl('import', 'documents', path.join(work, 'd.jsonl'));
}

async function newContext(options = {}) {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  await keepOnMachine(context, base, pageErrors);  // nothing but portald itself may be asked for anything
  context.on('page', (page) => watch(page));
  return context;
}

function watch(page) {
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`${page.url()}: console: ${m.text()}`); });
}

async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

before(async () => {
  seed();
  ({ daemon, base } = await startDaemon(data));
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

test('home → article → category → legal document download', async () => {
  const context = await newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(base + '/');
  await assert.doesNotReject(page.getByRole('heading', { name: 'Tin mới nhất' }).waitFor());
  // The newest item leads in "Tiêu điểm" and is not repeated under "Tin mới nhất".
  assert.match(await page.locator('#tieu-diem ~ ul a[href^="/tin-tuc/"]').first().getAttribute('href'), /bai-thu-nghiem-so-9/);
  await page.locator('#tin-moi ~ ul a[href^="/tin-tuc/"]').first().click();
  await page.waitForURL(/\/tin-tuc\/bai-thu-nghiem-so-8/);
  assert.match(await page.locator('h1').innerText(), /Bài thử nghiệm số 8/);
  await page.locator('nav.breadcrumb a[href^="/chuyen-muc/"]').click();
  await page.waitForURL(/\/chuyen-muc\//);
  assert.ok(await page.locator('.article-list li').count() >= 3);

  await page.goto(base + '/');
  await page.locator('a[href="/van-ban"]').first().click();
  assert.equal(await page.locator('#f-co-quan').isVisible(), false, 'the filters are folded until asked for');
  await page.locator('.more-filters summary').click();
  await page.selectOption('#f-co-quan', 'UBND tỉnh');
  await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
  await page.waitForURL(/co-quan=UBND/);
  assert.match(await page.locator('.found').innerText(), /Tìm thấy 1 văn bản/);
  assert.equal(await page.locator('#f-co-quan').isVisible(), true, 'a filter in use keeps the filters open');
  assert.match(await page.locator('.more-filters summary').innerText(), /1 đang áp dụng/);
  await page.getByRole('link', { name: '99/2025/QĐ-UBND' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('ul.files a').first().click()]);
  assert.equal(download.suggestedFilename(), 'quyet-dinh.pdf');
  const saved = path.join(work, 'downloaded.pdf');
  await download.saveAs(saved);
  assert.equal(fs.readFileSync(saved, 'utf8'), '%PDF-1.4\n% browser test\n%%EOF\n');
  await context.close();
});

test('personalisation survives a reload and fills "Tin của tôi"', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(base + '/chuyen-muc/y-te');
  await page.getByRole('button', { name: 'Tăng cỡ chữ' }).click();
  await page.getByRole('button', { name: 'Tương phản cao' }).click();
  const follow = page.locator('.category-tools [data-follow]');
  await follow.click();
  assert.equal(await follow.getAttribute('aria-pressed'), 'true');
  await page.reload();
  assert.equal(await page.evaluate(() => document.documentElement.className), 'fs-1 high-contrast');
  assert.equal(await page.locator('.category-tools [data-follow]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Tương phản cao' }).getAttribute('aria-pressed'), 'true');
  await page.goto(base + '/');
  const mine = page.locator('#tin-cua-toi li');
  await mine.first().waitFor();
  assert.equal(await mine.count(), 3);
  for (const text of await mine.allInnerTexts()) assert.match(text, /Y tế/);
  await context.close();
});

test('reading works with JavaScript disabled', async () => {
  const context = await newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + '/');
  assert.equal(await page.locator('#tuy-chinh').isVisible(), false);
  assert.equal(await page.locator('#tin-cua-toi').isVisible(), false);
  await page.locator('#tin-moi ~ ul a[href^="/tin-tuc/"]').first().click();
  assert.match(await page.locator('.article .body').innerText(), /Nội dung bài/);
  assert.equal(await page.locator('[data-print]').isVisible(), false);
  await context.close();
});

test('keyboard: the skip link is the first stop and leads into the main content', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(base + '/van-ban');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Bỏ qua đến nội dung chính');
  assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().left >= 0), 'skip link shown on focus');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('main')), true);
  await context.close();
});

test('responsive from 360 px: no horizontal scrolling', async () => {
  const context = await newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  for (const p of ['/', '/van-ban', '/trang/dau-moi-lien-he']) {
    await page.goto(base + p);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${p} is ${width}px wide`);
  }
  await context.close();
});

test('axe-core finds no WCAG 2.1 AA violation on any page type', async () => {
  const context = await newContext();
  const page = await context.newPage();
  const article = await (await fetch(base + '/api/v1/articles?per_page=1')).json();
  const documents = await (await fetch(base + '/api/v1/documents?per_page=1')).json();
  const pages = ['/', article.items[0].url, '/chuyen-muc/y-te', '/van-ban', documents.items[0].url,
    '/trang/dau-moi-lien-he', '/trang/danh-muc-cong-khai', '/en/contacts', '/so-do-trang', '/chuyen-de',
    '/chuyen-de/chuyen-doi-so', '/khong-co-trang-nay'];
  const found = [];
  for (const p of pages) {
    await page.goto(base + p);
    for (const v of await axeViolations(page)) found.push(`${p}: ${v}`);
  }
  // The high-contrast theme must pass too.
  await page.goto(base + '/');
  await page.getByRole('button', { name: 'Tương phản cao' }).click();
  for (const v of await axeViolations(page)) found.push(`/ (high contrast): ${v}`);
  assert.deepEqual(found, []);
  await context.close();
});

test('search autocomplete: ARIA combobox, keyboard and mouse, no axe violation while open', async () => {
  // The index is built in the background after start-up: wait until it completes, so that the page's
  // own requests are not answered 503 (which would show up as console errors).
  const ask = (q) => fetch(base + '/api/v1/search/suggest?q=' + encodeURIComponent(q));
  for (let i = 0; ; i++) {
    const r = await ask('thu nghi');
    if (r.ok && (await r.json()).suggestions.length) break;
    assert.ok(i < 100, 'the search index never became ready');
    await new Promise((done) => setTimeout(done, 100));
  }
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(base + '/');
  const input = page.locator('#tim-nhanh');
  assert.equal(await input.getAttribute('role'), 'combobox');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await input.getAttribute('aria-autocomplete'), 'list');
  const listbox = page.locator('#' + await input.getAttribute('aria-controls'));
  assert.equal(await listbox.getAttribute('role'), 'listbox');

  await input.focus();
  await page.keyboard.type('t');  // one character: nothing is asked
  await page.waitForTimeout(400);
  assert.equal(await listbox.isVisible(), false);
  await page.keyboard.type('hu nghi');  // typed without diacritics
  await listbox.waitFor({ state: 'visible' });
  const options = listbox.getByRole('option');
  const count = await options.count();
  assert.ok(count >= 1 && count <= 8, `${count} options`);
  const first = await options.first().textContent();
  assert.equal(first, 'thử nghiệm');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('.suggest [role="status"]').first().textContent(), `${count} gợi ý`);
  assert.deepEqual(await axeViolations(page), []);

  await page.keyboard.press('ArrowDown');
  const firstId = await options.first().getAttribute('id');
  assert.ok(firstId);
  assert.equal(await input.getAttribute('aria-activedescendant'), firstId);
  assert.equal(await options.first().getAttribute('aria-selected'), 'true');
  assert.deepEqual(await axeViolations(page), []);
  await page.keyboard.press('Escape');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  assert.equal(await input.getAttribute('aria-activedescendant'), null);
  assert.equal(await listbox.isVisible(), false);
  assert.equal(await input.inputValue(), 'thu nghi', 'Escape with the list open only closes it');

  await page.keyboard.press('ArrowDown');  // reopens on the first option
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  assert.equal(await input.getAttribute('aria-activedescendant'), firstId);
  await Promise.all([page.waitForURL(/\/tim-kiem\?q=/), page.keyboard.press('Enter')]);
  assert.equal(new URL(page.url()).searchParams.get('q'), first);
  assert.equal(await page.locator('#s-q').inputValue(), first);

  // The box on the search page itself, picked with the mouse.
  const box = page.locator('#s-q');
  await box.fill('');
  await box.focus();
  await page.keyboard.type('giao d');
  const option = page.locator('#s-q-ds [role="option"]').first();
  await option.waitFor();
  const picked = await option.textContent();
  assert.match(picked, /^giáo dục$/i);
  await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === picked), option.click()]);
  await context.close();
});

test('no script errors, CSP violations or outside requests on any visited page', () => {
  // 404 answers show up as console errors for the deliberately missing page only.
  const unexpected = pageErrors.filter((e) => !e.includes('/khong-co-trang-nay'));
  assert.deepEqual(unexpected, []);
});
