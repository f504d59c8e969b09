// The editorial path of Quy chế Điều 8 in a real browser (Debian's Chromium driven by Playwright), against
// the real portald: a contributor submits, the secretariat edits and sends for approval, the
// editor-in-chief (with TOTP, computed by tests/browser/support) returns it with a reason, the contributor
// fixes and resubmits, the editor-in-chief approves, the article is public, and every step is in the
// audit log. Run by ctest (browser.admin_workflow).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, startDaemon, launchChromium, keepOnMachine, addUser as addUserTo, login as loginAs, axeViolations } from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-admin-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-trình-duyệt-2025';
let daemon;
let base;
let browser;
const problems = [];
const confirmations = [];
const addUser = (name, role, ...extra) => addUserTo(data, name, role, PASSWORD, ...extra);
const login = (page, name) => loginAs(page, base, name, PASSWORD);

async function newPage() {
  const context = await browser.newContext({ locale: 'vi-VN' });
  await keepOnMachine(context, base, problems);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  // Irreversible steps ask first (admin-confirm.js): the editor says yes, and the question is kept.
  page.on('dialog', (d) => { confirmations.push(d.message()); d.accept(); });
  return page;
}

// Sets the article body whether the WYSIWYG editor took over the textarea or not.
async function setBody(page, html) {
  await page.evaluate((value) => {
    const area = document.querySelector('textarea[data-editor="wysiwyg"]');
    area.value = value;
    const instances = window.Jodit && window.Jodit.instances ? Object.values(window.Jodit.instances) : [];
    for (const editor of instances) editor.value = value;
  }, html);
}

// A workflow button: inside the edit form when the user may edit (it sends the edits too), else its own form.
async function take(page, label, reason) {
  const form = page.locator('.transitions [data-transition]')
    .filter({ has: page.getByRole('button', { name: label, exact: true, includeHidden: true }) });
  if (reason) {
    // The reason box unfolds only for the one who chooses this step.
    assert.equal(await form.locator('textarea').isVisible(), false, `the reason box of "${label}" is folded`);
    await form.locator('summary').click();
    await form.locator('textarea').fill(reason);
  }
  const key = await form.getAttribute('data-transition');
  const before = page.url();
  await form.getByRole('button', { name: label, exact: true }).click();
  await page.waitForURL((url) => url.href !== before && url.href.endsWith(`da-chuyen=${key}`));
}

async function openFromQueue(page, queue, title) {
  await page.goto(base + '/quan-tri');
  await page.getByRole('link', { name: queue, exact: true }).first().click();
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(/\/quan-tri\/bai-viet\/\d+$/);
}

before(async () => {
  ctl(data, 'init', '--demo');
  fs.writeFileSync(path.join(work, 'a.jsonl'), JSON.stringify({
    id: 'x1', title: 'Bài có sẵn', body_html: '<p>x</p>', category: 'Y tế', agency: 'Sở Y tế',
    published_at: '2025-01-02T08:00:00+07:00',
  }) + '\n');
  ctl(data, 'import', 'articles', path.join(work, 'a.jsonl'));
  addUser('congtacvien', 'contributor', '--agency', 'Sở Y tế', '--display-name', 'Cộng tác viên Sở Y tế');
  addUser('thuky', 'secretariat', '--display-name', 'Thư ký tòa soạn');
  addUser('truongban', 'editor-in-chief', '--display-name', 'Trưởng ban');
  ({ daemon, base } = await startDaemon(data));
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

test('contributor → secretariat → editor-in-chief returns → resubmit → approve → public, all audited', async () => {
  const title = 'Khám sức khỏe miễn phí cho người cao tuổi';
  const reason = 'Cần ghi rõ địa điểm và thời gian khám.';

  const ctv = await newPage();
  await ctv.goto(base + '/quan-tri/dang-nhap');
  assert.deepEqual(await axeViolations(ctv), [], 'login page');
  await login(ctv, 'congtacvien');
  assert.deepEqual(await axeViolations(ctv), [], 'dashboard');
  await ctv.getByRole('link', { name: 'Viết bài', exact: true }).click();
  await ctv.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await ctv.getByLabel('Sapo (tóm tắt)', { exact: true }).fill('Sở Y tế tổ chức khám miễn phí.');
  await setBody(ctv, '<p>Bản đầu tiên.</p><p onclick="alert(1)">Không có script.</p>');
  await ctv.getByLabel('Chuyên mục', { exact: true }).selectOption({ label: 'Y tế' });
  await ctv.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await ctv.waitForURL(/da-luu=1/);
  const id = /bai-viet\/(\d+)/.exec(ctv.url())[1];
  await take(ctv, 'Gửi duyệt');
  assert.match(await ctv.locator('.article-state .state').innerText(), /Chờ biên tập/);

  const thuky = await newPage();
  await login(thuky, 'thuky');
  await thuky.goto(base + '/quan-tri/hang-doi/cho-bien-tap');
  assert.deepEqual(await axeViolations(thuky), [], 'queue page');
  await openFromQueue(thuky, 'Chờ biên tập', title);
  assert.deepEqual(await axeViolations(thuky), [], 'editor page');
  await take(thuky, 'Nhận biên tập');
  await setBody(thuky, '<p>Bản đầu tiên, đã biên tập.</p>');
  await thuky.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await thuky.waitForURL(/da-luu=1/);
  await take(thuky, 'Trình duyệt');

  const chief = await newPage();
  await login(chief, 'truongban');
  await openFromQueue(chief, 'Chờ duyệt', title);
  await take(chief, 'Trả lại tác giả', reason);
  assert.match(await chief.locator('.article-state .state').innerText(), /Bị trả lại/);

  await openFromQueue(ctv, 'Bị trả lại', title);
  assert.equal((await ctv.locator('.reason-text').innerText()).trim(), reason);
  // Who returned it and when, next to the reason.
  assert.match(await ctv.locator('.reason-who').innerText(), /^Trả lại bởi .*\(truongban\) lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  await setBody(ctv, '<p>Khám tại Trạm y tế phường, 7 giờ 30 sáng thứ Bảy.</p>');
  await ctv.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await ctv.waitForURL(/da-luu=1/);
  await take(ctv, 'Gửi duyệt');

  await openFromQueue(thuky, 'Chờ biên tập', title);
  await take(thuky, 'Nhận biên tập');
  await take(thuky, 'Trình duyệt');

  await openFromQueue(chief, 'Chờ duyệt', title);
  // Approval from a preview that is the public page itself.
  await chief.getByRole('link', { name: 'Xem trước như bạn đọc thấy' }).click();
  assert.equal((await chief.locator('h1').innerText()).trim(), title);
  assert.match(await chief.locator('.body').innerText(), /Trạm y tế phường/);
  await chief.goBack();
  await take(chief, 'Duyệt và xuất bản');
  assert.deepEqual(confirmations, ['Duyệt và xuất bản bài này? Bạn đọc sẽ thấy bài ngay.']);

  const reader = await newPage();
  await reader.goto(`${base}/tin-tuc/kham-suc-khoe-mien-phi-cho-nguoi-cao-tuoi-${id}`);
  assert.equal((await reader.locator('h1').innerText()).trim(), title);
  assert.match(await reader.locator('.body').innerText(), /Trạm y tế phường/);
  assert.equal(await reader.locator('.body [onclick]').count(), 0);

  await chief.goto(`${base}/quan-tri/nhat-ky?doi-tuong=article/${id}`);
  assert.deepEqual(await axeViolations(chief), [], 'audit page');
  // Each action shows its Vietnamese label with the stored name under it (model::AuditAction).
  const actions = (await chief.locator('table.audit td.action code').allInnerTexts()).reverse();
  assert.deepEqual(actions, ['article.create', 'article.submit', 'article.take-for-editing', 'article.edit',
    'article.send-for-approval', 'article.return', 'article.edit', 'article.submit', 'article.take-for-editing',
    'article.send-for-approval', 'article.approve']);
  assert.match(await chief.locator('table.audit').innerText(), new RegExp(reason));
  assert.match(await chief.locator('table.audit').innerText(), /Duyệt và xuất bản[\s\S]*Trả lại tác giả[\s\S]*Tạo bài viết/);
  // The item is named by its title and linked; states are labels, not stored keys.
  const subject = chief.locator(`table.audit a[href="/quan-tri/bai-viet/${id}"]`);
  assert.equal(await subject.count(), actions.length);
  assert.equal((await subject.first().innerText()).trim(), `Bài viết: ${title}`);
  const auditText = await chief.locator('table.audit').innerText();
  assert.match(auditText, /Chờ duyệt/);
  assert.doesNotMatch(auditText, /\bawaiting-approval\b|\bsubmitted\b/);

  await chief.goto(`${base}/quan-tri/trang-thai`);
  assert.deepEqual(await axeViolations(chief), [], 'status page');

  // The reports (issue 13) count this very workflow: one round submitted, returned once, published.
  await chief.goto(`${base}/quan-tri/bao-cao`);
  assert.deepEqual(await axeViolations(chief), [], 'reports list');
  await chief.goto(`${base}/quan-tri/bao-cao/co-quan`);
  assert.deepEqual(await axeViolations(chief), [], 'agency report');
  assert.match(await chief.locator('#bang-tin-bai tfoot').innerText(), /Tổng cộng\s+1\s+1\s+1\s+0/);
  assert.match(await chief.locator('#bang-tra-lai').innerText(), new RegExp(reason));
  await chief.goto(`${base}/quan-tri/bao-cao/nhip-dang-tin`);
  assert.deepEqual(await axeViolations(chief), [], 'cadence report');
  await chief.goto(`${base}/quan-tri/bao-cao/van-hanh`);
  assert.deepEqual(await axeViolations(chief), [], 'operations report');
  // Royalties (issue 13): the month's items, the grading form and the sheet, accessible as the rest.
  await chief.goto(`${base}/quan-tri/nhuan-but`);
  assert.deepEqual(await axeViolations(chief), [], 'royalty month');
  await chief.goto(`${base}/quan-tri/nhuan-but/bai/${id}`);
  assert.deepEqual(await axeViolations(chief), [], 'royalty grading form');
  const month = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 7);
  await chief.goto(`${base}/quan-tri/nhuan-but/bang/${month}`);
  assert.deepEqual(await axeViolations(chief), [], 'royalty sheet');
  assert.deepEqual(problems, []);
});
