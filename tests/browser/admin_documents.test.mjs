// Legal documents managed in a real browser (Debian's Chromium driven by Playwright), issue 14: a
// contributor fills the document form with a PDF, a refused date order comes back with what was typed,
// the contributor submits, the editor-in-chief takes it through to publication and marks an older
// document replaced by it; both public pages link to each other. The admin pages are axe clean (WCAG 2.1
// AA). Run by ctest (browser.admin_documents).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, startDaemon, launchChromium, keepOnMachine, addUser as addUserTo, login as loginAs, axeViolations } from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-documents-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-trình-duyệt-2025';
const PDF = path.join(work, 'quyet-dinh.pdf');
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
  // Publishing and withdrawing ask first (admin-confirm.js): accept, and keep the question.
  page.on('dialog', (d) => { confirmations.push(d.message()); d.accept(); });
  return page;
}

// A workflow button: inside the edit form when the user may edit, else its own form.
async function take(page, label) {
  const form = page.locator('.transitions [data-transition]')
    .filter({ has: page.getByRole('button', { name: label, exact: true }) });
  const key = await form.getAttribute('data-transition');
  const before = page.url();
  await form.getByRole('button', { name: label, exact: true }).click();
  await page.waitForURL((url) => url.href !== before && url.href.endsWith(`da-chuyen=${key}`));
}

async function fill(page, f) {
  await page.getByLabel('Số ký hiệu', { exact: true }).fill(f.number);
  await page.getByLabel('Loại văn bản', { exact: true }).fill(f.type);
  await page.getByLabel('Cơ quan ban hành', { exact: true }).fill('UBND tỉnh');
  await page.getByLabel('Người ký', { exact: true }).fill('Phạm Văn D');
  await page.getByLabel('Ngày ban hành', { exact: true }).fill(f.issued);
  await page.getByLabel('Ngày có hiệu lực (không bắt buộc)', { exact: true }).fill(f.effective);
  await page.getByLabel('Trích yếu', { exact: true }).fill(f.abstract);
}

before(async () => {
  ctl(data, 'init', '--demo');
  fs.writeFileSync(PDF, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  fs.writeFileSync(path.join(work, 'vb.jsonl'), JSON.stringify({
    id: 'cu-1', number: '05/2024/QĐ-UBND', type: 'Quyết định', issuer: 'UBND tỉnh', issued_on: '2024-03-01',
    abstract: 'Quy định cũ về phí vệ sinh',
  }) + '\n');
  ctl(data, 'import', 'documents', path.join(work, 'vb.jsonl'));
  addUser('congtacvien', 'contributor', '--agency', 'Sở Y tế', '--display-name', 'Cộng tác viên Sở Y tế');
  addUser('truongban', 'editor-in-chief', '--display-name', 'Trưởng ban');
  ({ daemon, base } = await startDaemon(data));
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

test('a document drafted with its file, approved, and linked to the one it replaces', async () => {
  const ctv = await newPage();
  await login(ctv, 'congtacvien');
  await ctv.getByRole('link', { name: 'Văn bản', exact: true }).click();
  await ctv.waitForURL(base + '/quan-tri/van-ban');
  assert.deepEqual(await axeViolations(ctv), [], 'document list');
  await ctv.getByRole('link', { name: 'Thêm văn bản mới' }).click();
  assert.deepEqual(await axeViolations(ctv), [], 'new document form');
  const doc = {
    number: '12/2025/QĐ-UBND', type: 'Quyết định', issued: '2025-02-10', effective: '2025-02-01',
    abstract: 'Quy định mới về phí vệ sinh môi trường',
  };
  await fill(ctv, doc);
  await ctv.getByLabel(/^Thêm tệp \(PDF/).setInputFiles(PDF);
  await ctv.getByRole('button', { name: 'Lưu phiên bản' }).click();
  // Effective before issued: refused in Vietnamese, with what was typed still in the form.
  assert.match(await ctv.locator('.form-error').first().innerText(),
    /Ngày có hiệu lực \(01\/02\/2025\) không được trước ngày ban hành \(10\/02\/2025\)/);
  assert.equal(await ctv.getByLabel('Số ký hiệu', { exact: true }).inputValue(), doc.number);
  assert.equal(await ctv.getByLabel('Trích yếu', { exact: true }).inputValue(), doc.abstract);
  assert.deepEqual(await axeViolations(ctv), [], 'refused form');
  await ctv.getByLabel('Ngày có hiệu lực (không bắt buộc)', { exact: true }).fill('2025-02-15');
  await ctv.getByLabel(/^Thêm tệp \(PDF/).setInputFiles(PDF);  // browsers never refill a file input
  await ctv.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await ctv.waitForURL(/\/quan-tri\/van-ban\/\d+\?da-luu=1$/);
  const id = /van-ban\/(\d+)/.exec(ctv.url())[1];
  assert.match(await ctv.locator('.document-form').innerText(), /quyet-dinh\.pdf/);
  assert.deepEqual(await axeViolations(ctv), [], 'document edit page');
  await take(ctv, 'Gửi duyệt');
  assert.match(await ctv.locator('.article-state .state').innerText(), /Chờ biên tập/);

  const reader = await newPage();
  assert.equal((await reader.goto(`${base}/van-ban/12-2025-qd-ubnd-${id}`)).status(), 404);

  const chief = await newPage();
  await login(chief, 'truongban');
  await chief.goto(base + '/quan-tri/van-ban/' + id);
  await take(chief, 'Nhận biên tập');
  await take(chief, 'Trình duyệt');
  await take(chief, 'Duyệt và công bố');
  assert.deepEqual(confirmations, ['Duyệt và công bố văn bản này? Bạn đọc sẽ thấy ngay.']);
  const page = await reader.goto(`${base}/van-ban/12-2025-qd-ubnd-${id}`);
  assert.equal(page.status(), 200);
  assert.match(await reader.locator('h1').innerText(), /Quyết định số 12\/2025\/QĐ-UBND/);
  assert.match(await reader.locator('.files').innerText(), /Tải về quyet-dinh\.pdf/);

  // The imported older document is marked replaced by the new one.
  await chief.goto(base + '/quan-tri/van-ban?tu-khoa=05%2F2024');
  await chief.getByRole('link', { name: '05/2024/QĐ-UBND' }).click();
  assert.deepEqual(await axeViolations(chief), [], 'board marks on the edit page');
  await chief.getByLabel('Văn bản thay thế (số ký hiệu, hoặc mã ở cuối địa chỉ của nó)').fill(doc.number);
  await chief.getByRole('button', { name: 'Đánh dấu bị thay thế' }).click();
  await chief.waitForURL(/da-danh-dau=1/);
  const oldUrl = await chief.locator('.article-state a[href^="/van-ban/"]').first().getAttribute('href');
  await reader.goto(base + oldUrl);
  assert.match(await reader.locator('.replaced-by').innerText(), /Quyết định số 12\/2025\/QĐ-UBND/);
  assert.match(await reader.locator('.validity').innerText(), /Hết hiệu lực/);
  await reader.locator('.replaced-by a').click();
  assert.match(await reader.locator('.replaces').innerText(), /Quyết định số 05\/2024\/QĐ-UBND/);

  await chief.goto(`${base}/quan-tri/nhat-ky?doi-tuong=document/${id}`);
  const actions = (await chief.locator('table.audit td.action code').allInnerTexts()).reverse();
  assert.deepEqual(actions, ['document.create', 'document.submit', 'document.take-for-editing',
    'document.send-for-approval', 'document.approve']);
  assert.deepEqual(problems, []);
});
