// Issue 15, "Editors never lose work", replayed in Debian's Chromium against the real portald: each
// story a real user lost an article to ends here with nothing lost.
//  1. A workflow button pressed after editing sends the edits with it; leaving with unsaved edits asks first.
//  3. Saving after the session expired shows the login in place and, once logged in, the editor again
//     with everything typed, unsaved, one click from saved.
//  4. The copy kept on this machine, and the server's autosave, are offered back when the editor opens.
//  5. A second editor saving on the same version gets a conflict page with both versions and keeps theirs.
//  2. A form larger than the server takes is refused before sending, with the real limit, and the text
//     comes back from the copy on this machine.
// Every page met on the way is checked with axe-core (WCAG 2.1 AA). Run by ctest (browser.editor_keeps_work).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireModule, ctl, startDaemon, launchChromium, keepOnMachine } from './support/portald.mjs';

const axeSource = fs.readFileSync(requireModule.resolve('axe-core/axe.min.js'), 'utf8');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-keep-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-trình-duyệt-2025';
const MAX_BODY = 256 * 1024;
let daemon;
let base;
let browser;
const problems = [];

async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run({ exclude: [['.jodit-container']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

function addUser(name, role, ...extra) {
  const r = spawnSync(process.env.PORTALDCTL_BIN,
    ['--data-dir', data, 'user', 'add', '--role', role, ...extra, '--password-stdin', name],
    { encoding: 'utf8', input: PASSWORD + '\n' });
  assert.equal(r.status, 0, `user add ${name}: ${r.stderr}`);
}

// A browser of its own (its own cookies and localStorage: another machine).
async function newContext() {
  const context = await browser.newContext({ locale: 'vi-VN' });
  await keepOnMachine(context, base, problems);
  return context;
}

async function newPage(context) {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

async function login(page, name) {
  await page.goto(base + '/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(name);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(base + '/quan-tri');
}

// Types at the end of the body, in the WYSIWYG editor when it took over the textarea.
async function typeInBody(page, text) {
  const editor = page.locator('.jodit-wysiwyg');
  if (await editor.count()) {
    await editor.click();
    await page.keyboard.press('Control+End');
  } else {
    await page.locator('textarea#body').click();
    await page.keyboard.press('Control+End');
  }
  await page.keyboard.type(text);
}

async function bodyValue(page) {
  return page.evaluate(() => {
    const area = document.querySelector('textarea[data-editor="wysiwyg"]');
    const eds = window.Jodit && window.Jodit.instances ? Object.values(window.Jodit.instances) : [];
    return eds.length ? eds[0].value : area.value;
  });
}

async function setBody(page, html) {
  await page.evaluate((value) => {
    const area = document.querySelector('textarea[data-editor="wysiwyg"]');
    area.value = value;
    const instances = window.Jodit && window.Jodit.instances ? Object.values(window.Jodit.instances) : [];
    for (const editor of instances) editor.value = value;
  }, html);
}

// A new article saved by `page`'s user; returns its id.
async function writeArticle(page, title, body) {
  await page.goto(base + '/quan-tri/bai-viet/moi');
  await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await setBody(page, body);
  await page.getByLabel('Chuyên mục', { exact: true }).selectOption({ label: 'Y tế' });
  await page.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await page.waitForURL(/\/bai-viet\/\d+\?da-luu=1$/);
  return /bai-viet\/(\d+)/.exec(page.url())[1];
}

function localCopy(page, key) {
  return page.evaluate((k) => window.localStorage.getItem('portald.ban-nhap.' + k), key);
}

// Waits until the page's script has sent an autosave the server kept.
async function autosaved(page) {
  const r = await page.waitForResponse((res) => res.url().endsWith('/tu-dong-luu') && res.request().method() === 'POST'
    && res.request().postData().includes('title='), { timeout: 20000 });
  assert.equal(r.status(), 200);
  assert.equal((await r.json()).saved, true);
}

before(async () => {
  ctl(data, 'init', '--demo');
  fs.writeFileSync(path.join(work, 'a.jsonl'), JSON.stringify({
    id: 'x1', title: 'Bài có sẵn', body_html: '<p>x</p>', category: 'Y tế', agency: 'Sở Y tế',
    published_at: '2025-01-02T08:00:00+07:00',
  }) + '\n');
  ctl(data, 'import', 'articles', path.join(work, 'a.jsonl'));
  addUser('phongvien', 'reporter', '--display-name', 'Phóng viên Minh');
  addUser('thuky', 'secretariat', '--display-name', 'Thư ký tòa soạn');
  addUser('bientap', 'secretariat', '--display-name', 'Biên tập viên Lan');
  ({ daemon, base } = await startDaemon(data, ['--max-body', '256K', '--max-upload-body', '256K']));
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

test('story 1: "Gửi duyệt" after editing sends the edits, and leaving unsaved edits asks first', async () => {
  const context = await newContext();
  const page = await newPage(context);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss(); });
  await login(page, 'phongvien');
  const id = await writeArticle(page, 'Lịch tiêm chủng tháng Sáu', '<p>Bản đầu.</p>');
  assert.deepEqual(await axeViolations(page), [], 'editor page');
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Lịch tiêm chủng tháng Sáu tại phường');
  await typeInBody(page, ' Thêm địa điểm: Trạm y tế phường.');
  // Leaving now would lose the edits: the browser asks, and staying keeps them.
  await page.getByRole('link', { name: 'Bảng điều khiển' }).click();
  await page.waitForTimeout(500);
  assert.deepEqual(dialogs, ['beforeunload']);
  assert.match(page.url(), new RegExp(`/bai-viet/${id}\\?da-luu=1$`));
  assert.equal(await page.getByLabel('Tiêu đề', { exact: true }).inputValue(), 'Lịch tiêm chủng tháng Sáu tại phường');
  // The workflow button sends what is on the screen, and submitting does not ask.
  await page.getByRole('button', { name: 'Gửi duyệt', exact: true }).click();
  await page.waitForURL(new RegExp(`/bai-viet/${id}\\?da-luu=1&da-chuyen=submit$`));
  assert.deepEqual(dialogs, ['beforeunload']);
  assert.match(await page.locator('.article-state .state').innerText(), /Chờ biên tập/);
  assert.equal((await page.locator('h1').innerText()).trim(), 'Bài viết: Lịch tiêm chủng tháng Sáu tại phường');
  await page.getByRole('link', { name: 'Xem trước như bạn đọc thấy' }).click();
  assert.match(await page.locator('.body').innerText(), /Thêm địa điểm: Trạm y tế phường\./);
  await context.close();
});

test('story 3: saving after the session expired logs in again in place and keeps every word', async () => {
  const context = await newContext();
  const page = await newPage(context);
  await login(page, 'phongvien');
  const id = await writeArticle(page, 'Thông báo tuyển dụng', '<p>Bản đầu.</p>');
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Thông báo tuyển dụng viên chức năm 2025');
  await typeInBody(page, ' Hạn nộp hồ sơ: 30 tháng 6.');
  // The session ends while the editor types (idle timeout, log-out on another machine).
  await context.addCookies([{ name: 'portald_session', value: 'a'.repeat(64), url: base }]);
  await page.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await page.getByText('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại; nội dung bạn vừa gửi vẫn được giữ.').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'login in place');
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill('phongvien');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByText('Nội dung bạn gửi trước khi phiên hết hạn đã được khôi phục. Bấm Lưu để lưu lại.').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'editor resumed');
  assert.equal(await page.getByLabel('Tiêu đề', { exact: true }).inputValue(), 'Thông báo tuyển dụng viên chức năm 2025');
  assert.match(await bodyValue(page), /Hạn nộp hồ sơ: 30 tháng 6\./);
  // Not saved on the user's behalf: one click does it.
  await page.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await page.waitForURL(new RegExp(`/bai-viet/${id}\\?da-luu=1$`));
  assert.equal((await page.locator('h1').innerText()).trim(), 'Bài viết: Thông báo tuyển dụng viên chức năm 2025');
  assert.match(await bodyValue(page), /Bản đầu\.[\s\S]*Hạn nộp hồ sơ: 30 tháng 6\./);
  await context.close();
});

test('story 4: the copy on this machine and the server autosave are offered back', async () => {
  const laptop = await newContext();
  let page = await newPage(laptop);
  await login(page, 'thuky');
  const id = await writeArticle(page, 'Kế hoạch phòng chống dịch', '<p>Bản đầu.</p>');
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Kế hoạch phòng chống dịch sốt xuất huyết');
  await typeInBody(page, ' Phun thuốc diệt muỗi vào sáng thứ Bảy.');
  await autosaved(page);
  assert.ok(await localCopy(page, id), 'a copy is kept on this machine');
  await page.close(); // the tab crashes, or is closed without saving
  // The same machine: the copy on it is offered back.
  page = await newPage(laptop);
  await page.goto(`${base}/quan-tri/bai-viet/${id}`);
  const offer = page.locator('#ban-nhap-may');
  await offer.waitFor();
  assert.match(await offer.innerText(), /Có bản nháp chưa lưu trên máy này lúc \d\d:\d\d\./);
  assert.equal(await page.locator('.draft-offer[data-draft-at]').isVisible(), false, 'one offer at a time');
  assert.deepEqual(await axeViolations(page), [], 'editor with an offer');
  await offer.getByRole('button', { name: 'Khôi phục' }).click();
  assert.equal(await page.getByLabel('Tiêu đề', { exact: true }).inputValue(), 'Kế hoạch phòng chống dịch sốt xuất huyết');
  assert.match(await bodyValue(page), /Phun thuốc diệt muỗi vào sáng thứ Bảy\./);
  await page.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await page.waitForURL(/da-luu=1$/);
  assert.equal(await localCopy(page, id), null, 'the copy goes once saved');
  assert.equal(await page.locator('.draft-offer').count(), 0, 'the server autosave went with the save');
  // Typing on the laptop, then opening the article on another machine: the server's autosave.
  await page.getByLabel('Sapo (tóm tắt)', { exact: true }).fill('Toàn tỉnh ra quân diệt lăng quăng.');
  await autosaved(page);
  await page.close();
  const office = await newContext();
  const other = await newPage(office);
  await login(other, 'thuky');
  await other.goto(`${base}/quan-tri/bai-viet/${id}`);
  const server = other.locator('.draft-offer[data-draft-at]');
  assert.match(await server.innerText(), /Có bản tự động lưu trên máy chủ lúc \d\d:\d\d/);
  await server.getByRole('link', { name: 'Khôi phục bản tự động lưu' }).click();
  assert.equal(await other.getByLabel('Sapo (tóm tắt)', { exact: true }).inputValue(), 'Toàn tỉnh ra quân diệt lăng quăng.');
  await other.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await other.waitForURL(/da-luu=1$/);
  assert.equal(await other.getByLabel('Sapo (tóm tắt)', { exact: true }).inputValue(), 'Toàn tỉnh ra quân diệt lăng quăng.');
  await laptop.close();
  await office.close();
});

test('story 5: the second save on the same version gets a conflict page and both versions survive', async () => {
  const a = await newContext();
  const b = await newContext();
  const thuky = await newPage(a);
  const bientap = await newPage(b);
  await login(thuky, 'thuky');
  await login(bientap, 'bientap');
  const id = await writeArticle(thuky, 'Lịch cắt điện', '<p>Cắt điện khu vực phường 1.</p>');
  await bientap.goto(`${base}/quan-tri/bai-viet/${id}`);
  assert.match(await bientap.locator('#dang-mo').innerText(), /^Đang được mở bởi: Thư ký tòa soạn \(lúc \d\d:\d\d\)$/);
  // Both edit the version they opened; the secretariat saves first.
  await thuky.getByLabel('Tiêu đề', { exact: true }).fill('Lịch cắt điện ngày 12');
  await typeInBody(thuky, ' Từ 7 giờ đến 11 giờ.');
  await bientap.getByLabel('Tiêu đề', { exact: true }).fill('Lịch cắt điện cuối tuần');
  await typeInBody(bientap, ' Từ 13 giờ đến 17 giờ.');
  await thuky.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await thuky.waitForURL(/da-luu=1$/);
  await bientap.getByRole('button', { name: 'Lưu phiên bản' }).click();
  const conflict = bientap.locator('section.conflict');
  await conflict.waitFor();
  assert.deepEqual(await axeViolations(bientap), [], 'conflict page');
  assert.match(await conflict.innerText(), /thuky đã lưu phiên bản 2 lúc/);
  // Word by word: theirs struck out, mine underlined.
  const removed = (await conflict.locator('.diff del').allInnerTexts()).join('|');
  const added = (await conflict.locator('.diff ins').allInnerTexts()).join('|');
  assert.match(removed, /ngày 12[\s\S]*7[\s\S]*11/);
  assert.match(added, /cuối tuần[\s\S]*13[\s\S]*17/);
  // Mine is still in the form, unsaved.
  assert.equal(await bientap.getByLabel('Tiêu đề', { exact: true }).inputValue(), 'Lịch cắt điện cuối tuần');
  assert.match(await bodyValue(bientap), /Từ 13 giờ đến 17 giờ\./);
  await bientap.getByRole('button', { name: 'Lưu đè bằng bản của tôi' }).click();
  await bientap.waitForURL(/da-luu=1$/);
  assert.equal((await bientap.locator('h1').innerText()).trim(), 'Bài viết: Lịch cắt điện cuối tuần');
  // Theirs is a version too: nothing lost.
  const rows = await bientap.locator('table tbody tr').allInnerTexts();
  assert.equal(rows.length, 3);
  assert.match(rows[0], /^3 \(đang làm việc\)\s+bientap/);
  assert.match(rows[1], /^2\s+thuky/);
  await bientap.goto(`${base}/quan-tri/bai-viet/${id}/so-sanh?a=2&b=3`);
  assert.match((await bientap.locator('.diff del').allInnerTexts()).join('|'), /7[\s\S]*11/);
  assert.deepEqual(await axeViolations(bientap), [], 'compare page');
  await a.close();
  await b.close();
});

test('story 2: a form larger than the server takes is refused before sending, and the text comes back', async () => {
  const context = await newContext();
  const page = await newPage(context);
  page.on('dialog', (d) => d.accept()); // leaving the refused page on purpose
  await login(page, 'phongvien');
  await page.goto(base + '/quan-tri/bai-viet/moi');
  assert.equal(await page.locator('#article-form').getAttribute('data-max-body'), String(MAX_BODY));
  const big = '<p>' + 'Báo cáo tổng kết năm. '.repeat(12000) + '</p>';
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Báo cáo rất dài');
  await setBody(page, big);
  await page.getByLabel('Chuyên mục', { exact: true }).selectOption({ label: 'Y tế' });
  await page.getByRole('button', { name: 'Lưu phiên bản' }).click();
  const status = page.locator('#trang-thai-luu');
  await status.getByText(/Nội dung quá lớn để gửi: khoảng [\d,]+ (KB|MB), trong khi máy chủ chỉ nhận tối đa 256 KB\./).waitFor();
  assert.match(page.url(), /\/quan-tri\/bai-viet\/moi$/);
  // The page is gone (Back, a reload, a crash): the copy on this machine brings the text back.
  await page.reload();
  await page.locator('#ban-nhap-may').getByRole('button', { name: 'Khôi phục' }).click();
  assert.equal(await page.getByLabel('Tiêu đề', { exact: true }).inputValue(), 'Báo cáo rất dài');
  assert.ok((await bodyValue(page)).includes('Báo cáo tổng kết năm. Báo cáo tổng kết năm.'));
  assert.ok((await bodyValue(page)).length > MAX_BODY);
  await context.close();
});

test('no script errors and nothing fetched from outside portald', () => {
  assert.deepEqual(problems, []);
});
