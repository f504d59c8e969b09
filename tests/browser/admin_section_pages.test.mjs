// A section page edited in a real browser (Debian's Chromium driven by Playwright), issue 14: the
// secretariat opens a mandatory page from the admin menu, writes in the editor and sends it for
// approval; readers see nothing new until the editor-in-chief approves it; then the page shows the text
// with today's "last updated" date and search finds it. The admin and public pages are axe clean (WCAG
// 2.1 AA). Run by ctest (browser.admin_section_pages).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, startDaemon, launchChromium, keepOnMachine, addUser as addUserTo, login as loginAs, axeViolations } from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-section-pages-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-trình-duyệt-2025';
const TITLE = 'Điều ước, thỏa thuận quốc tế';
const PUBLIC = '/trang/dieu-uoc-quoc-te';
const ADDED = 'Thỏa thuận hợp tác kết nghĩa với tỉnh Xiêng Khoảng';
let daemon;
let base;
let browser;
const problems = [];
const login = (page, name) => loginAs(page, base, name, PASSWORD);

async function newPage() {
  const context = await browser.newContext({ locale: 'vi-VN' });
  await keepOnMachine(context, base, problems);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

// Today as the public pages write it (dd/mm/yyyy, Vietnam time).
function today() {
  const d = new Date(Date.now() + 7 * 3600 * 1000);
  const two = (n) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

before(async () => {
  ctl(data, 'init', '--demo');
  addUserTo(data, 'thuky', 'secretariat', PASSWORD, '--display-name', 'Thư ký tòa soạn');
  addUserTo(data, 'truongban', 'editor-in-chief', PASSWORD, '--display-name', 'Trưởng ban');
  ({ daemon, base } = await startDaemon(data));
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

test('a section page edited in the editor reaches readers only after the board approves it', async () => {
  const editor = await newPage();
  await login(editor, 'thuky');
  await editor.getByRole('link', { name: 'Trang chuyên mục', exact: true }).click();
  await editor.waitForURL(base + '/quan-tri/trang');
  assert.deepEqual(await axeViolations(editor), [], 'section page list');
  await editor.getByRole('link', { name: TITLE, exact: true }).click();
  await editor.locator('.jodit-wysiwyg').waitFor();
  assert.deepEqual(await axeViolations(editor), [], 'section page form');
  await editor.locator('.jodit-wysiwyg').click();
  await editor.keyboard.press('Control+End');
  await editor.keyboard.press('Enter');
  await editor.keyboard.type(ADDED);
  await editor.getByRole('button', { name: 'Lưu và gửi duyệt', exact: true }).click();
  await editor.waitForURL(/\/quan-tri\/trang\/\d+\?da-luu=1$/);
  assert.match(await editor.locator('.pending-revision').innerText(), /Có bản sửa chờ duyệt/);
  // The secretariat may not approve: no button.
  assert.equal(await editor.getByRole('button', { name: /^Duyệt và công khai/ }).count(), 0);

  const reader = await newPage();
  assert.equal((await reader.goto(base + PUBLIC)).status(), 200);
  assert.doesNotMatch(await reader.locator('main').innerText(), /Xiêng Khoảng/);

  const chief = await newPage();
  await login(chief, 'truongban');
  await chief.goto(editor.url().replace(/\?.*$/, ''));
  const asked = [];
  chief.on('dialog', (d) => { asked.push(d.message()); d.accept(); });
  await chief.getByRole('button', { name: /^Duyệt và công khai phiên bản \d+$/ }).click();
  await chief.waitForURL(/da-duyet=1$/);
  assert.equal(asked.length, 1, 'approving asks first');
  assert.match(asked[0], /^Duyệt và công khai phiên bản \d+\? Bạn đọc sẽ thấy ngay\.$/);

  await reader.goto(base + PUBLIC);
  assert.match(await reader.locator('main').innerText(), new RegExp(ADDED));
  assert.match(await reader.locator('.updated').innerText(), new RegExp(`Cập nhật lần cuối: ${today()}`));
  assert.deepEqual(await axeViolations(reader), [], 'public section page');

  // Searchable soon after approval (the indexer follows the change log).
  let found = false;
  for (let i = 0; i < 50 && !found; i++) {
    const r = await fetch(`${base}/tim-kiem?q=${encodeURIComponent('Xiêng Khoảng')}`);
    found = r.status === 200 && (await r.text()).includes(`href="${PUBLIC}"`);
    if (!found) await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.ok(found, 'the search finds the approved page');
  assert.deepEqual(problems, []);
});
