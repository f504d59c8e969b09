// Issue 16's board loop in real Chromium at phone size: someone without an account sends a news item
// through the footer's "Gửi tin bài" and gets a reference code; the secretariat finds it in its queue
// with the sender shown; the secretariat commissions an agency, whose contributor sees the job on the
// dashboard and delivers an article of its agency. Pages are axe clean and do not scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, startDaemon, launchChromium, openPage, addUser, login, axeViolations } from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-board-loop-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-ban-đầu-2025';
const PHONE = { width: 390, height: 844 };
let daemon;
let base;
let browser;
const problems = [];

before(async () => {
  ctl(data, 'init');
  const articles = path.join(work, 'a.jsonl');
  fs.writeFileSync(articles, JSON.stringify({
    id: 500, title: 'Sở Y tế tổ chức tiêm chủng mở rộng tại các xã vùng cao', body_html: '<p>Nội dung.</p>',
    category: 'Y tế', agency: 'Sở Y tế', published_at: '2026-11-02T08:00:00+07:00',
  }) + '\n');
  ctl(data, 'import', 'articles', articles);
  addUser(data, 'thuky', 'secretariat', PASSWORD, '--display-name', 'Thư ký tòa soạn');
  addUser(data, 'congtacvien', 'contributor', PASSWORD, '--display-name', 'Cộng tác viên', '--agency', 'Sở Y tế');
  // No minimum fill time: the browser fills the form faster than a person (the guard is tested elsewhere).
  ({ daemon, base } = await startDaemon(data, ['--question-min-fill-time', '0']));
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
  assert.deepEqual(problems, []);
});

async function fitsThePhone(page, what) {
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    `${what} scrolls sideways at 390 px`);
  assert.deepEqual(await axeViolations(page), [], what);
}

test('a news item sent from the footer reaches the secretariat with its sender', async () => {
  const citizen = await openPage(browser, base, problems, PHONE);
  await citizen.goto(base + '/');
  await citizen.getByRole('link', { name: 'Gửi tin bài' }).click();
  await citizen.waitForURL(base + '/gui-tin-bai');
  await fitsThePhone(citizen, 'intake form');
  await citizen.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
  await citizen.getByLabel('Cơ quan, tổ chức (nếu có)').fill('Hội Nông dân xã Tân Lập');
  await citizen.getByLabel('Thư điện tử').fill('hoa@example.vn');
  await citizen.locator('#n-chuyen-muc').selectOption({ label: 'Y tế' });
  await citizen.getByLabel('Tiêu đề').fill('Xã Tân Lập ra quân vệ sinh môi trường phòng dịch');
  await citizen.getByLabel('Tóm tắt').fill('Hơn 300 hội viên tham gia dọn vệ sinh đường làng, khơi thông cống rãnh.');
  await citizen.getByLabel('Nội dung').fill(
    'Sáng Chủ nhật, Hội Nông dân xã Tân Lập phối hợp với trạm y tế xã tổ chức ra quân vệ sinh môi trường.\n\n' +
    'Các hội viên đã thu gom rác thải, phát quang bụi rậm và phun thuốc diệt muỗi tại các thôn.');
  await citizen.locator('#n-dong-y').check();
  await citizen.getByRole('button', { name: 'Gửi tin bài' }).click();
  await citizen.getByRole('heading', { name: 'Đã gửi tin bài' }).waitFor();
  assert.match(citizen.url(), /\/gui-tin-bai\/da-gui\?ma=/);
  const code = new URL(citizen.url()).searchParams.get('ma');
  assert.ok((await citizen.locator('main').innerText()).includes(code), 'the thank-you page shows the code');
  await fitsThePhone(citizen, 'intake thank-you page');

  const board = await openPage(browser, base, problems, PHONE);
  await login(board, base, 'thuky', PASSWORD);
  await board.goto(base + '/quan-tri/hang-doi/cho-bien-tap');
  const row = board.getByText('Xã Tân Lập ra quân vệ sinh môi trường phòng dịch');
  await row.first().waitFor();
  assert.match(await board.locator('main').innerText(), /Người gửi: Nguyễn Thị Hoa \(Hội Nông dân xã Tân Lập\)/);
  await fitsThePhone(board, 'queue with an intake item');
  await board.getByRole('link', { name: 'Xã Tân Lập ra quân vệ sinh môi trường phòng dịch' }).first().click();
  await board.getByText('Nguồn tin: gửi từ cổng').waitFor();
  assert.match(await board.locator('.intake-source').innerText(), /hoa@example\.vn/);
});

test('the secretariat commissions an agency and its contributor delivers', async () => {
  const board = await openPage(browser, base, problems, PHONE);
  await login(board, base, 'thuky', PASSWORD);
  await board.getByRole('link', { name: 'Đặt hàng, giao việc' }).first().click();
  await board.waitForURL(base + '/quan-tri/dat-hang');
  await fitsThePhone(board, 'commissions page');
  await board.getByLabel('Tiêu đề').fill('Đưa tin đợt tiêm chủng mở rộng');
  await board.getByLabel(/Nội dung yêu cầu/).fill('Ảnh và số liệu của đợt tiêm tại các xã vùng cao.');
  await board.getByLabel('Giao cho').selectOption({ label: 'Sở Y tế' });
  const tomorrow = new Date(Date.now() + 7 * 3600e3 + 86400e3).toISOString().slice(0, 10);
  await board.getByLabel('Hạn hoàn thành').fill(tomorrow);
  await board.getByRole('button', { name: 'Giao việc' }).click();
  await board.getByRole('heading', { name: 'Đưa tin đợt tiêm chủng mở rộng' }).waitFor();

  const contributor = await openPage(browser, base, problems, PHONE);
  await login(contributor, base, 'congtacvien', PASSWORD);
  await contributor.getByRole('heading', { name: 'Việc được giao' }).waitFor();
  await fitsThePhone(contributor, 'dashboard with a commission');
  await contributor.getByRole('link', { name: 'Đưa tin đợt tiêm chủng mở rộng' }).click();
  await contributor.getByLabel('Số bài viết hoặc địa chỉ của bài trong trang quản trị').fill('1');  // the imported article: ids are the store's own
  await contributor.getByRole('button', { name: 'Giao nộp' }).click();
  await contributor.getByText('Sở Y tế tổ chức tiêm chủng mở rộng').first().waitFor();
  await fitsThePhone(contributor, 'delivered commission');
  await contributor.screenshot({ path: path.join(process.env.PORTALD_SCREENSHOT_DIR || work, 'commission-delivered-390.png'), fullPage: true });
});
