// Password change and reset in real Chromium (issue 15): the operator resets a reporter's password (the
// browser asks first; cancelling changes nothing), reads the one-time password off the page, the
// reporter logs in with it, is sent to "Đổi mật khẩu" before anything else, picks their own, and then
// reaches the dashboard; the old password no longer works. Pages are axe clean at phone size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, startDaemon, launchChromium, keepOnMachine, addUser, login, axeViolations } from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-passwords-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-ban-đầu-2025';
const OWN = 'mật-khẩu-tự-chọn-của-phóng-viên';
let daemon;
let base;
let browser;
const problems = [];

before(async () => {
  ctl(data, 'init');
  addUser(data, 'quantri', 'operator', PASSWORD, '--display-name', 'Quản trị');
  addUser(data, 'phongvien', 'reporter', PASSWORD, '--display-name', 'Phóng viên');
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

async function tryLogin(page, name, password) {
  await page.goto(base + '/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(name);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForLoadState();
}

test('an operator resets a password; the one-time password must be replaced at login', async () => {
  const op = await newPage();
  await login(op, base, 'quantri', PASSWORD);
  await op.goto(base + '/quan-tri/nguoi-dung');
  const row = op.locator('tr[data-user="phongvien"]');
  // Cancelling the question sends nothing.
  op.once('dialog', (d) => { assert.match(d.message(), /Đặt lại mật khẩu của phongvien\?/); d.dismiss(); });
  await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  assert.equal(await op.locator('.flash').count(), 0);
  op.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  const flash = await op.locator('.flash').innerText();
  const once = /hãy trao tận tay\): (\S+)/.exec(flash)?.[1];
  assert.ok(once, flash);
  // The operator's own row offers no reset.
  assert.equal(await op.locator('tr[data-user="quantri"]').getByRole('button', { name: 'Đặt lại mật khẩu' }).count(), 0);

  const reporter = await newPage();
  await tryLogin(reporter, 'phongvien', PASSWORD);
  assert.match(reporter.url(), /dang-nhap/);  // the old password is gone
  await tryLogin(reporter, 'phongvien', once);
  await reporter.waitForURL(base + '/quan-tri/mat-khau');
  await reporter.getByText('do hệ thống cấp').waitFor();
  assert.deepEqual(await axeViolations(reporter), [], 'forced password change');
  await reporter.goto(base + '/quan-tri/bai-viet/moi');  // nothing else opens first
  await reporter.waitForURL(base + '/quan-tri/mat-khau');
  await reporter.getByLabel('Mật khẩu hiện tại').fill(once);
  await reporter.getByLabel('Mật khẩu mới (ít nhất 12 ký tự)').fill(OWN);
  await reporter.getByLabel('Nhập lại mật khẩu mới').fill(OWN + 'x');
  await reporter.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await reporter.getByText('Hai lần nhập mật khẩu mới không giống nhau.').waitFor();
  await reporter.getByLabel('Mật khẩu hiện tại').fill(once);
  await reporter.getByLabel('Mật khẩu mới (ít nhất 12 ký tự)').fill(OWN);
  await reporter.getByLabel('Nhập lại mật khẩu mới').fill(OWN);
  await reporter.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await reporter.waitForURL(base + '/quan-tri');

  const again = await newPage();
  await tryLogin(again, 'phongvien', OWN);
  await again.waitForURL(base + '/quan-tri');
});

test('no script errors and nothing fetched from outside portald', () => {
  assert.deepEqual(problems, []);
});
