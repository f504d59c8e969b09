// An online dialogue in a real browser (Debian's Chromium driven by Playwright), issue 12, Điều 5.5: a
// citizen asks through the ordinary form from the event page; the moderator accepts the question and types
// the official's answer while the citizen's page stays open, and the answer appears there without a
// reload (dialogue.js polls the event's JSON). The page is axe clean and loads nothing from elsewhere.
// Run by ctest (browser.online_dialogue).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, startDaemon, launchChromium, openPage, addUser, login, axeViolations } from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-dialogue-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-trình-duyệt-2025';
const OFFICIAL = 'Ông Trần Văn Bình, Giám đốc Sở Y tế';
let daemon;
let base;
let browser;
const problems = [];

const newPage = (viewport) => openPage(browser, base, problems, viewport);

before(async () => {
  ctl(data, 'init', '--demo');
  fs.writeFileSync(path.join(work, 'a.jsonl'), JSON.stringify({
    id: 'c1', title: 'Bài có sẵn', body_html: '<p>x</p>', category: 'Y tế', agency: 'Sở Y tế',
    published_at: '2025-01-02T08:00:00+07:00',
  }) + '\n');
  ctl(data, 'import', 'articles', path.join(work, 'a.jsonl'));
  addUser(data, 'thuky', 'secretariat', PASSWORD, '--display-name', 'Thư ký');
  ({ daemon, base } = await startDaemon(data, ['--question-min-fill-time', '1']));
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

test('the answer typed by the moderator appears on the open event page without a reload', async () => {
  const centre = await newPage({ width: 1366, height: 900 });
  await login(centre, base, 'thuky', PASSWORD);
  await centre.goto(base + '/quan-tri/doi-thoai/moi');
  await centre.getByLabel('Tiêu đề').fill('Đối thoại về bảo hiểm y tế');
  await centre.getByLabel('Cơ quan chủ trì').selectOption({ label: 'Sở Y tế' });
  await centre.getByLabel(/^Người trả lời/).fill(OFFICIAL);
  await centre.getByLabel(/^Bắt đầu/).fill('2026-12-10T09:00');
  await centre.getByLabel(/^Kết thúc dự kiến/).fill('2026-12-10T11:00');
  await centre.getByRole('button', { name: 'Lưu' }).click();
  await centre.waitForURL(/\/quan-tri\/doi-thoai\/\d+\?da-luu=1/);
  const id = centre.url().match(/doi-thoai\/(\d+)/)[1];
  await centre.getByRole('button', { name: 'Bắt đầu buổi đối thoại' }).click();
  await centre.waitForURL(/da-luu=1/);

  // The citizen, on a phone: from the event page to the ordinary form, which carries the dialogue.
  const citizen = await newPage({ width: 390, height: 844 });
  await citizen.goto(base + '/doi-thoai/' + id);
  assert.deepEqual(await axeViolations(citizen), [], 'event page');
  await citizen.getByRole('link', { name: 'Gửi câu hỏi cho buổi đối thoại' }).click();
  await citizen.waitForURL(base + '/hoi-dap/gui-cau-hoi?doi-thoai=' + id);
  const title = 'Khám trái tuyến có được bảo hiểm thanh toán không';
  await citizen.getByLabel(/^Họ và tên/).fill('Lê Thị Hồng Nhung');
  await citizen.getByLabel('Thư điện tử', { exact: true }).fill('hong.nhung@example.vn');
  await citizen.getByLabel(/^Lĩnh vực/).selectOption('Y tế');
  await citizen.getByLabel(/^Tiêu đề/).fill(title);
  await citizen.getByLabel(/^Nội dung/).fill('Xin hỏi tỷ lệ thanh toán khi khám trái tuyến?');
  await citizen.getByLabel(/^Tôi đồng ý để Cổng thông tin/).check();
  await citizen.waitForTimeout(1200);
  await citizen.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await citizen.waitForURL(/\/hoi-dap\/tra-cuu\?ma=/);
  await citizen.goto(base + '/doi-thoai/' + id);
  assert.doesNotMatch(await citizen.content(), new RegExp(title));  // not before moderation

  // The moderator accepts it and types the answer; the citizen's page is not reloaded.
  await centre.goto(base + '/quan-tri/doi-thoai/' + id);
  await centre.getByRole('button', { name: 'Đưa lên', exact: true }).click();
  await centre.waitForURL(/da-luu=1/);
  const answer = 'Người bệnh khám trái tuyến được thanh toán theo tỷ lệ quy định.';
  await centre.getByLabel('Câu trả lời').fill(answer);
  await centre.getByRole('button', { name: 'Lưu câu trả lời' }).click();
  await centre.waitForURL(/da-luu=1/);

  const list = citizen.locator('#doi-thoai-cau-hoi');
  await list.getByText(answer).waitFor({ timeout: 30000 });
  const text = await list.innerText();
  assert.match(text, new RegExp(title));
  assert.match(text, /Lê T\. H\. N\./);
  assert.match(text, new RegExp(OFFICIAL));
  assert.doesNotMatch(await citizen.content(), /hong\.nhung@example\.vn|Lê Thị Hồng Nhung/);
  assert.deepEqual(await axeViolations(citizen), [], 'event page after the update');
  assert.deepEqual(problems, []);
});
