// The WYSIWYG editor bundle: Jodit (web/frontend/) served by the real portald from
// /static/vendor/jodit/, started by /static/admin-editor.js on a form page that carries portald's own
// Content-Security-Policy. Checks the Vietnamese toolbar, that the textarea is kept in sync, that a
// Word paste keeps structure and drops junk, that nothing is fetched from elsewhere and that the
// plain textarea works without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, startDaemon, launchChromium, keepOnMachine } from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-editor-'));
const data = path.join(work, 'data');
let daemon;
let base;
let browser;
let csp;
const problems = [];

// A form as the admin pages write it: no inline script, scripts deferred, the plain textarea first.
const formPage = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Soạn bài</title>
<link rel="stylesheet" href="/static/vendor/jodit/jodit.min.css"><link rel="stylesheet" href="/static/admin-editor.css">
<script src="/static/vendor/jodit/jodit.min.js" defer></script>
<script src="/static/admin-editor.js" defer></script></head>
<body><form method="post" action="/__saved"><label for="noi-dung">Nội dung</label>
<textarea id="noi-dung" name="body_html" data-editor="wysiwyg" rows="10"><p>Bản nháp</p></textarea>
<button type="submit">Lưu</button></form></body></html>`;

// What Word 2016 puts on the clipboard, shortened: Office namespaces, a style block, mso- styles,
// classes, <o:p>, conditional comments and list markers, around a heading, a list and a table.
const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {mso-style-parent:""; font-family:"Times New Roman"} --></style></head>
<body lang=VI><!--StartFragment--><h1 style='mso-outline-level:1'><span style='font-family:"Times New Roman"'>Kế hoạch chuyển đổi số<o:p></o:p></span></h1>
<p class=MsoNormal style='mso-margin-top-alt:auto'><b><span style='mso-bidi-font-weight:normal'>Mục tiêu</span></b> năm 2025<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;</span></span><![endif]>Hạ tầng số<o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'><tr><td width=200 style='width:150pt'><p class=MsoNormal>Chỉ tiêu<o:p></o:p></p></td><td><p class=MsoNormal>100%<o:p></o:p></p></td></tr></table>
<!--EndFragment--></body></html>`;

before(async () => {
  ctl(data, 'init');
  ({ daemon, base } = await startDaemon(data));
  csp = (await fetch(base + '/')).headers.get('content-security-policy');
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

// A page at base/__form holding formPage under portald's CSP; everything else comes from portald.
async function openForm(options = {}) {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  await keepOnMachine(context, base, problems);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Jodit sets a few style attributes in its templates; the CSP blocks those (cosmetic only).
    if (m.type() === 'error' && !/Applying inline style violates/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.route(`${base}/__form`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': csp }, body: formPage,
  }));
  await page.goto(`${base}/__form`);
  return { context, page };
}

test('the bundle is served from portald, and only by exact name', async () => {
  const js = await fetch(base + '/static/vendor/jodit/jodit.min.js');
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type'), /^text\/javascript/);
  assert.ok((await js.text()).length > 100000);
  const css = await fetch(base + '/static/vendor/jodit/jodit.min.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /^text\/css/);
  assert.match(await (await fetch(base + '/static/vendor/jodit/LICENSE.txt')).text(), /Permission is hereby granted/);
  for (const p of ['/static/vendor/jodit/..%2F..%2Fportal.css', '/static/vendor/..%2Fportal.css/x',
    '/static/vendor/jodit/%2E%2E', '/static/vendor/nope/jodit.min.js', '/static/vendor/jodit', '/static/jodit.min.js']) {
    assert.equal((await fetch(base + p)).status, 404, p);
  }
});

test('the textarea becomes a Vietnamese editor with the agreed toolbar, kept in sync', async () => {
  const { context, page } = await openForm();
  await page.locator('.jodit-wysiwyg').waitFor();
  const buttons = await page.locator('.jodit-toolbar__box .jodit-toolbar-button').evaluateAll(
    (els) => els.map((e) => e.getAttribute('ref') || e.dataset.ref).filter(Boolean));
  assert.deepEqual(buttons, ['paragraph', 'bold', 'italic', 'ul', 'ol', 'table', 'link', 'image', 'library', 'undo', 'redo']);
  assert.ok(await page.locator('.jodit-toolbar__box [aria-label="In đậm"]').count() >= 1, 'Vietnamese tooltip');
  // admin-editor.css hides Jodit's focus helper, whose inline style the CSP refuses.
  assert.equal(await page.locator('input[name^="jodit-toolbar-focus-helper"]').first().isVisible(), false);
  await page.locator('.jodit-toolbar-button_paragraph button').last().click();
  assert.deepEqual((await page.locator('.jodit-popup .jodit-toolbar-button__text').allInnerTexts()).map((t) => t.trim()),
    ['Đoạn văn', 'Tiêu đề cấp 2', 'Tiêu đề cấp 3', 'Tiêu đề cấp 4']);
  await page.keyboard.press('Escape');
  const editor = page.locator('.jodit-wysiwyg');
  await editor.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' của Sở');
  await page.keyboard.press('Control+A');
  await page.locator('.jodit-toolbar__box [aria-label="In đậm"]').first().click();
  const value = await page.locator('textarea#noi-dung').inputValue();
  assert.match(value, /<strong>Bản nháp của Sở<\/strong>/);
  await context.close();
});

test('the link, image and table popups speak Vietnamese, labels read by screen readers too', async () => {
  const { context, page } = await openForm();
  await page.locator('.jodit-wysiwyg').waitFor();
  // English words Jodit shows when a string has no translation (checked against what it ships).
  const english = /\b(URL|Class name|Table size|by|Upload|Drop image|or click|Insert|Text|Cancel)\b/;
  const popupText = async () => page.locator('.jodit-popup').evaluateAll((els) => els.map((e) => [e.innerText,
    ...[...e.querySelectorAll('[aria-label],[placeholder],[title]')].map((x) => x.getAttribute('aria-label') || x.title || '')]
    .join(' ')).join(' '));
  for (const [button, expected] of [['link', /Địa chỉ \(URL\)[\s\S]*Chữ hiển thị/], ['image', /Tải lên[\s\S]*Thả ảnh vào đây/],
    ['table', /Kích thước bảng[\s\S]*2 hàng × 3 cột/]]) {
    await page.locator(`.jodit-toolbar-button_${button} button`).first().click();
    await page.locator('.jodit-popup').first().waitFor();
    const text = await popupText();
    assert.match(text, expected, button);
    assert.doesNotMatch(text.replace(/\(URL\)/g, ''), english, button);
    await page.keyboard.press('Escape');
    await page.locator('.jodit-wysiwyg').click();
  }
  await context.close();
});

test('pasting from Word keeps headings, lists and tables and drops Office markup', async () => {
  const { context, page } = await openForm();
  await page.locator('.jodit-wysiwyg').waitFor();
  await page.locator('.jodit-wysiwyg').click();
  await page.keyboard.press('Control+A');
  await page.locator('.jodit-wysiwyg').evaluate((el, html) => {
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', 'Kế hoạch chuyển đổi số');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, wordHtml);
  const value = await page.locator('textarea#noi-dung').inputValue();
  assert.match(value, /<h1>Kế hoạch chuyển đổi số<\/h1>/);
  assert.match(value, /<(b|strong)>Mục tiêu<\/(b|strong)>/);
  assert.match(value, /<table>[\s\S]*Chỉ tiêu[\s\S]*100%[\s\S]*<\/table>/);
  assert.match(value, /Hạ tầng số/);
  for (const junk of [/mso-/i, /class=/i, /style=/i, /<o:p/i, /<!--/, /<meta/i, /<span/i, /Times New Roman/]) {
    assert.doesNotMatch(value, junk);
  }
  await context.close();
});

test('a submission right after the last keystroke posts every keystroke', async () => {
  const { context, page } = await openForm();
  let posted = null;
  await page.route(`${base}/__saved`, (route) => {
    posted = new URLSearchParams(route.request().postData()).get('body_html');
    return route.fulfill({ contentType: 'text/plain', body: 'ok' });
  });
  await page.locator('.jodit-wysiwyg').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' và câu cuối');
  // The last words and the submission in one go, as a quick click after typing: Jodit copies its content
  // into the textarea a moment after each change.
  await page.evaluate(() => {
    document.execCommand('insertText', false, ' cùng gõ vội');
    document.querySelector('form').requestSubmit();
  });
  await page.waitForURL(`${base}/__saved`);
  assert.match(posted, /và câu cuối cùng gõ vội/);
  await context.close();
});

test('without JavaScript the plain textarea is there to use', async () => {
  const { context, page } = await openForm({ javaScriptEnabled: false });
  const area = page.locator('textarea#noi-dung');
  assert.equal(await area.isVisible(), true);
  await area.fill('<p>Nội dung gõ tay</p>');
  assert.equal(await area.inputValue(), '<p>Nội dung gõ tay</p>');
  await context.close();
});

test('no script errors and nothing fetched from outside portald', () => {
  assert.deepEqual(problems, []);
});
