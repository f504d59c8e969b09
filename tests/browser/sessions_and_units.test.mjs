// Sessions per device and rights per unit in real Chromium at phone size (issue 16): a reporter logged in
// on two phones sees both sessions, ends the other one after the browser asks (cancelling changes
// nothing) and that phone is logged out; a contributor's editor shows its agency fixed and only the
// categories the board allowed; the operator's per-agency category form. Pages are axe clean and do not
// scroll sideways at 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, startDaemon, launchChromium, keepOnMachine, addUser, login, axeViolations } from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-sessions-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-ban-đầu-2025';
let daemon;
let base;
let browser;
const problems = [];

before(async () => {
  ctl(data, 'init');
  addUser(data, 'quantri', 'operator', PASSWORD, '--display-name', 'Quản trị');
  addUser(data, 'phongvien', 'reporter', PASSWORD, '--display-name', 'Phóng viên');
  addUser(data, 'congtacvien', 'contributor', PASSWORD, '--display-name', 'Cộng tác viên', '--agency', 'Sở Y tế');
  ({ daemon, base } = await startDaemon(data));
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

async function newPage() {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
  await keepOnMachine(context, base, problems);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

async function fitsThePhone(page, what) {
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    `${what} scrolls sideways at 390 px`);
  assert.deepEqual(await axeViolations(page), [], what);
}

test('a user ends the session on their other phone', async () => {
  const first = await newPage();
  const second = await newPage();
  await login(first, base, 'phongvien', PASSWORD);
  await login(second, base, 'phongvien', PASSWORD);
  await first.getByRole('link', { name: 'Phiên đăng nhập' }).first().click();
  await first.waitForURL(base + '/quan-tri/phien-dang-nhap');
  const sessions = first.locator('li.session');
  assert.equal(await sessions.count(), 2);
  assert.match(await sessions.nth(0).innerText(), /Phiên này/);
  await fitsThePhone(first, 'sessions page');

  first.once('dialog', (d) => { assert.match(d.message(), /Đăng xuất phiên/); d.dismiss(); });
  await sessions.nth(1).getByRole('button', { name: 'Đăng xuất phiên' }).click();
  assert.equal(await first.locator('li.session').count(), 2);
  first.once('dialog', (d) => d.accept());
  await sessions.nth(1).getByRole('button', { name: 'Đăng xuất phiên' }).click();
  await first.getByText('Đã đăng xuất 1 phiên.').waitFor();
  assert.equal(await first.locator('li.session').count(), 1);

  await second.goto(base + '/quan-tri');
  assert.match(second.url(), /dang-nhap/);
});

test('a contributor files for its agency in the categories the board allowed', async () => {
  const op = await newPage();
  await login(op, base, 'quantri', PASSWORD);
  await op.goto(base + '/quan-tri/danh-muc');
  for (const name of ['Y tế', 'Giáo dục']) {
    await op.getByLabel('Tên chuyên mục mới').fill(name);
    await op.getByRole('button', { name: 'Thêm chuyên mục' }).click();
    await op.getByText('Đã lưu.').waitFor();
  }
  await op.getByText('Chuyên mục cộng tác viên của cơ quan được viết: mọi chuyên mục').click();
  await op.getByRole('checkbox', { name: 'Y tế' }).check();
  await fitsThePhone(op, 'categories and agencies');
  await op.getByRole('button', { name: 'Lưu chuyên mục của Sở Y tế' }).click();
  await op.getByText('Chuyên mục cộng tác viên của cơ quan được viết: 1 chuyên mục').waitFor();

  const ctv = await newPage();
  await login(ctv, base, 'congtacvien', PASSWORD);
  await ctv.goto(base + '/quan-tri/bai-viet/moi');
  const agencies = await ctv.locator('#agency option').allInnerTexts();
  assert.deepEqual(agencies, ['Sở Y tế']);
  const categories = await ctv.locator('#category option').allInnerTexts();
  assert.deepEqual(categories.slice(1), ['Y tế']);
  await ctv.getByText('Bài của bạn đứng tên đơn vị của bạn.').waitFor();
  // With some text in it: the empty editor's placeholder is Jodit's own, not what this test is about.
  await ctv.evaluate(() => {
    for (const editor of Object.values(window.Jodit?.instances ?? {})) editor.value = '<p>Tin khám bệnh.</p>';
  });
  await fitsThePhone(ctv, 'contributor editor');
});

test('no script errors and nothing fetched from outside portald', () => {
  assert.deepEqual(problems, []);
});
