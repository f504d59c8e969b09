// Citizens' questions in a real browser (Debian's Chromium driven by Playwright), issue 12: a citizen on
// a phone asks with a photo attached (a refusal keeps what was typed), gets a tracking code and follows
// the item; the data centre assigns it and opens the photo, the agency answers, the board approves and
// publishes it; the public page shows it with the name masked and no contacts, the site's search finds
// it, and the citizen's inbox (a real SMTP server) holds the answer with the link that opens it. Every
// page on the way is axe clean (WCAG 2.1 AA). Run by ctest (browser.citizen_questions).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ctl, startDaemon, startSmtp, launchChromium, openPage, addUser, login, axeViolations,
} from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-questions-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-trình-duyệt-2025';
let daemon;
let base;
let browser;
let smtp;
const problems = [];
// A 1×1 PNG: the photo a citizen attaches.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const newPage = (viewport) => openPage(browser, base, problems, viewport);

before(async () => {
  ctl(data, 'init', '--demo');
  fs.writeFileSync(path.join(work, 'a.jsonl'), JSON.stringify({
    id: 'c1', title: 'Bài có sẵn', body_html: '<p>x</p>', category: 'Y tế', agency: 'Sở Y tế',
    published_at: '2025-01-02T08:00:00+07:00',
  }) + '\n');
  ctl(data, 'import', 'articles', path.join(work, 'a.jsonl'));
  addUser(data, 'thuky', 'secretariat', PASSWORD, '--display-name', 'Thư ký');
  addUser(data, 'traloiyte', 'agency-answerer', PASSWORD, '--agency', 'Sở Y tế', '--display-name', 'Cán bộ Sở Y tế');
  addUser(data, 'photruongban', 'deputy', PASSWORD, '--display-name', 'Phó trưởng ban');
  smtp = await startSmtp(work);
  // A person needs longer than a second; the default (5 s) would only slow the test down.
  ({ daemon, base } = await startDaemon(data, ['--question-min-fill-time', '1', '--sendmail', smtp.sendmail,
    '--mail-from', 'no-reply@congthongtin.test']));
  ctl(data, 'settings', 'set', 'public_url', base);  // the e-mails' links are absolute
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  if (smtp) smtp.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('a citizen asks on a phone, the agency answers, the board publishes it masked', async () => {
  const citizen = await newPage({ width: 390, height: 844 });
  await citizen.goto(base + '/');
  await citizen.getByRole('link', { name: 'Hỏi đáp', exact: true }).first().click();
  await citizen.waitForURL(base + '/hoi-dap');
  assert.deepEqual(await axeViolations(citizen), [], 'question list');
  await citizen.getByRole('link', { name: 'Gửi câu hỏi', exact: true }).first().click();
  await citizen.waitForURL(base + '/hoi-dap/gui-cau-hoi');
  assert.deepEqual(await axeViolations(citizen), [], 'question form');
  const title = 'Thủ tục cấp lại giấy phép hành nghề khám chữa bệnh';
  await citizen.getByLabel(/^Họ và tên/).fill('Lê Thị Hồng Nhung');
  await citizen.getByLabel('Thư điện tử', { exact: true }).fill('hong.nhung@example.vn');
  await citizen.getByLabel('Số điện thoại', { exact: true }).fill('0903 111 222');
  await citizen.getByLabel(/^Lĩnh vực/).selectOption('Y tế');
  await citizen.getByLabel(/^Tiêu đề/).fill(title);
  await citizen.getByLabel(/^Nội dung/).fill('Giấy phép của tôi bị mất.\nXin hỏi hồ sơ cấp lại gồm những gì?');
  await citizen.getByLabel(/^Tệp đính kèm/).setInputFiles({ name: 'giay-phep-cu.png', mimeType: 'image/png', buffer: PHOTO });
  await citizen.getByLabel(/^Tôi đồng ý công khai/).check();
  await citizen.waitForTimeout(1200);
  // Without the consent to processing, the browser's own check would stop the form: take it away in the
  // page to see the server's refusal, which must keep everything typed.
  await citizen.evaluate(() => document.getElementById('q-dong-y').removeAttribute('required'));
  await citizen.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await citizen.waitForSelector('.form-errors');
  assert.match(await citizen.locator('.form-errors').innerText(), /đồng ý cho cổng thông tin xử lý dữ liệu cá nhân/);
  assert.equal(await citizen.getByLabel(/^Tiêu đề/).inputValue(), title);
  assert.equal(await citizen.getByLabel('Thư điện tử', { exact: true }).inputValue(), 'hong.nhung@example.vn');
  assert.match(await citizen.getByLabel(/^Nội dung/).inputValue(), /bị mất\.\nXin hỏi/);
  assert.match(await citizen.locator('.question-form').innerText(), /Vui lòng chọn lại tệp đính kèm/);
  assert.deepEqual(await axeViolations(citizen), [], 'refused form');
  await citizen.getByLabel(/^Tệp đính kèm/).setInputFiles({ name: 'giay-phep-cu.png', mimeType: 'image/png', buffer: PHOTO });
  await citizen.getByLabel(/^Tôi đồng ý để Cổng thông tin/).check();
  await citizen.waitForTimeout(1200);
  await citizen.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await citizen.waitForURL(/\/hoi-dap\/tra-cuu\?ma=/);
  const code = (await citizen.locator('.tracking-code').innerText()).trim();
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  assert.match(await citizen.locator('.question-status').innerText(), /Đã tiếp nhận/);
  assert.deepEqual(await axeViolations(citizen), [], 'status page');

  // The data centre assigns it to the agency the citizen did not know.
  const secretariat = await newPage({ width: 1366, height: 900 });
  await login(secretariat, base, 'thuky', PASSWORD);
  await secretariat.getByRole('link', { name: 'Hỏi đáp', exact: true }).click();
  await secretariat.waitForURL(base + '/quan-tri/hoi-dap');
  assert.deepEqual(await axeViolations(secretariat), [], 'admin queue');
  await secretariat.getByRole('link', { name: title }).click();
  assert.deepEqual(await axeViolations(secretariat), [], 'admin item');
  assert.doesNotMatch(await secretariat.content(), /hong\.nhung@example\.vn/);
  // The photo: listed with its type, downloaded as the citizen sent it.
  const [download] = await Promise.all([
    secretariat.waitForEvent('download'),
    secretariat.getByRole('button', { name: 'Tải tệp 1' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'giay-phep-cu.png');
  assert.deepEqual(fs.readFileSync(await download.path()), PHOTO);
  await secretariat.getByLabel('Cơ quan trả lời (khi giao)').selectOption({ label: 'Sở Y tế' });
  await secretariat.getByRole('button', { name: 'Giao cơ quan trả lời' }).click();
  await secretariat.waitForURL(/da-luu=1/);
  assert.match(await secretariat.locator('.facts').first().innerText(), /Đang xử lý tại cơ quan/);

  // The agency drafts, then sends its answer.
  const agency = await newPage({ width: 1366, height: 900 });
  await login(agency, base, 'traloiyte', PASSWORD);
  await agency.goto(base + '/quan-tri/hoi-dap');
  await agency.getByRole('link', { name: title }).click();
  const answer = 'Hồ sơ gồm đơn đề nghị cấp lại và bản sao giấy tờ tùy thân, nộp tại Bộ phận một cửa.';
  await agency.getByLabel(/^Câu trả lời chính thức/).fill(answer);
  await agency.getByRole('button', { name: 'Gửi trả lời để duyệt' }).click();
  await agency.waitForURL(/da-luu=1/);
  assert.match(await agency.locator('.facts').first().innerText(), /chờ duyệt/);

  // The board approves and publishes.
  const board = await newPage({ width: 1366, height: 900 });
  await login(board, base, 'photruongban', PASSWORD);
  await board.goto(base + '/quan-tri/hoi-dap?trang-thai=answered');
  await board.getByRole('link', { name: title }).click();
  await board.getByRole('button', { name: 'Duyệt câu trả lời' }).click();
  await board.waitForURL(/da-luu=1/);
  await board.getByRole('button', { name: 'Công khai hỏi đáp' }).click();
  await board.waitForURL(/da-luu=1/);

  // The citizen's look-up shows the answer; the public page shows it masked.
  await citizen.goto(base + '/hoi-dap/tra-cuu');
  await citizen.getByLabel('Mã tra cứu').fill(code.toLowerCase());
  await citizen.getByRole('button', { name: 'Tra cứu' }).click();
  assert.match(await citizen.locator('.question-status').innerText(), /Bộ phận một cửa/);
  await citizen.getByRole('link', { name: 'Xem câu hỏi và câu trả lời đã công khai' }).click();
  const text = await citizen.locator('article.question').innerText();
  assert.match(text, /Lê T\. H\. N\./);
  assert.match(text, /Bộ phận một cửa/);
  assert.doesNotMatch(text, /Lê Thị Hồng Nhung|hong\.nhung|0903/);
  assert.deepEqual(await axeViolations(citizen), [], 'published question');

  // The site's search finds it (the index follows the change log: give it a moment).
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await citizen.goto(base + '/tim-kiem?q=' + encodeURIComponent('cấp lại giấy phép hành nghề'));
    found = await citizen.getByRole('link', { name: title }).count() > 0;
    if (!found) await citizen.waitForTimeout(250);
  }
  assert.ok(found, 'the published question is found by the site search');
  await citizen.getByRole('link', { name: title }).first().click();
  await citizen.waitForURL(/\/hoi-dap\/\d+$/);

  // The citizen's inbox: the receipt with the code, then the answer with the link that opens it.
  const mails = await smtp.waitFor(2);
  const mine = mails.filter((m) => m.rcpt_tos.includes('hong.nhung@example.vn'));
  assert.ok(mine.some((m) => m.body.includes(code)), 'the receipt carries the tracking code');
  const answered = mine.find((m) => m.body.includes('Bộ phận một cửa'));
  assert.ok(answered, `the answer reached the inbox: ${mine.map((m) => m.subject).join(' | ')}`);
  const link = /(http:\/\/127\.0\.0\.1:\d+\/hoi-dap\/tra-cuu\?ma=[A-Z0-9-]+)/.exec(answered.body);
  assert.ok(link, answered.body);
  await citizen.goto(link[1]);
  assert.match(await citizen.locator('.question-status').innerText(), /Bộ phận một cửa/);
  assert.deepEqual(problems, []);
});
