// TOTP enrolment through the QR code (issue 15), in real Chromium against the real portald: the code is
// drawn by the server as inline SVG; the test reads it from a screenshot with an independent decoder
// (jsQR), takes the secret from the decoded otpauth:// address, and enrols with a code computed from it.
// At 390 px the page does not scroll sideways (the otpauth:// address must not widen it), and it is axe clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, startDaemon, launchChromium, keepOnMachine, addUser, totp, axeViolations, requireModule } from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-totp-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-quét-mã-qr-2025';
let daemon;
let base;
let browser;
const problems = [];

before(async () => {
  ctl(data, 'init');
  addUser(data, 'truongban', 'editor-in-chief', PASSWORD, '--display-name', 'Trưởng ban');
  ({ daemon, base } = await startDaemon(data));
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

test('the editor-in-chief enrols by scanning the QR code', async () => {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
  await keepOnMachine(context, base, problems);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  await page.goto(base + '/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill('truongban');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/quan-tri\/xac-thuc\/dang-ky$/);

  const qr = page.locator('.totp-qr svg');
  await qr.waitFor();
  const box = await qr.boundingBox();
  assert.ok(box.width >= 150, `QR code ${box.width}px wide: too small to scan`);
  const { PNG } = requireModule('pngjs');
  const jsQR = requireModule('jsqr');
  const shot = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  assert.ok(decoded, 'jsQR found no QR code in the screenshot');
  const uri = new URL(decoded.data);
  assert.equal(uri.protocol, 'otpauth:');
  assert.equal(uri.host, 'totp');
  assert.match(decodeURIComponent(uri.pathname), /truongban$/);
  const secret = uri.searchParams.get('secret');
  // The QR code carries the secret shown as text for those who type it.
  assert.equal(secret.replace(/\s/g, ''), (await page.locator('#totp-secret').innerText()).replace(/\s/g, ''));

  // Nothing widens the phone's page, the otpauth:// address included (opened).
  await page.locator('.totp-uri summary').click();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'the enrolment page scrolls sideways at 390 px');
  assert.deepEqual(await axeViolations(page), [], 'enrolment page');

  await page.getByLabel('Mã xác thực (6 chữ số)').fill(totp(secret));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.waitForURL(base + '/quan-tri');
  await context.close();
});

test('no script errors and nothing fetched from outside portald', () => {
  assert.deepEqual(problems, []);
});
