// Images in an article through the editor (issue 14), in real Chromium against the real portald: the
// "Chèn ảnh từ thư viện" dialog uploads a photo into the media library and inserts it with its alt text,
// a pasted data: image is stored as media on save, the article goes through approval, and the published
// HTML has no data: URL and offers srcset. The editor page with the dialog open is axe clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ctl, startDaemon, launchChromium, keepOnMachine, addUser as addUserTo, login as loginAs, axeViolations } from './support/portald.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-images-'));
const data = path.join(work, 'data');
const PASSWORD = 'mật-khẩu-ảnh-trình-duyệt-2025';
let daemon;
let base;
let browser;
const problems = [];
const confirmations = [];
const addUser = (name, role, ...extra) => addUserTo(data, name, role, PASSWORD, ...extra);
const login = (page, name) => loginAs(page, base, name, PASSWORD);

// A real RGB PNG with a gradient (node has zlib; the chunk CRC is computed here).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, body) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const tb = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(tb));
  return Buffer.concat([len, tb, crc]);
}
function png(width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * (width * 3 + 1) + 1 + x * 3;
      raw[i] = (x * 255 / width) | 0;
      raw[i + 1] = (y * 255 / height) | 0;
      raw[i + 2] = 128;
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function newPage() {
  const context = await browser.newContext({ locale: 'vi-VN' });
  await keepOnMachine(context, base, problems);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  // Irreversible steps ask first (admin-confirm.js): the editor says yes, and the question is kept.
  page.on('dialog', (d) => { confirmations.push(d.message()); d.accept(); });
  return page;
}

async function take(page, label) {
  const form = page.locator('.transitions [data-transition]')
    .filter({ has: page.getByRole('button', { name: label, exact: true }) });
  const key = await form.getAttribute('data-transition');
  const before = page.url();
  await form.getByRole('button', { name: label, exact: true }).click();
  await page.waitForURL((url) => url.href !== before && url.href.endsWith(`da-chuyen=${key}`));
}

before(async () => {
  ctl(data, 'init', '--demo');
  // Categories come from content: one published article gives the form its "Văn hóa" category.
  fs.writeFileSync(path.join(work, 'a.jsonl'), JSON.stringify({
    id: 'x1', title: 'Bài có sẵn', body_html: '<p>x</p>', category: 'Văn hóa', agency: 'Sở Văn hóa',
    published_at: '2025-01-02T08:00:00+07:00',
  }) + '\n');
  ctl(data, 'import', 'articles', path.join(work, 'a.jsonl'));
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

test('an image uploaded through the editor is published with srcset and no data: URL', async () => {
  const title = 'Lễ khánh thành cầu mới';
  const photo = path.join(work, 'khanh-thanh.png');
  fs.writeFileSync(photo, png(1000, 600));
  const pasted = 'data:image/png;base64,' + png(300, 200).toString('base64');

  const thuky = await newPage();
  await login(thuky, 'thuky');
  await thuky.getByRole('link', { name: 'Viết bài', exact: true }).click();
  await thuky.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await thuky.getByLabel('Chuyên mục', { exact: true }).selectOption({ label: 'Văn hóa' });
  await thuky.locator('.jodit-wysiwyg').waitFor();
  // A pasted image arrives as data: (Word does this); the save stores it in the library.
  await thuky.evaluate((src) => {
    const editor = Object.values(window.Jodit.instances)[0];
    editor.value = '<p>Sáng nay cầu mới được khánh thành.</p><p><img src="' + src + '" alt="Sơ đồ vị trí cầu"></p>';
  }, pasted);
  await thuky.locator('.jodit-wysiwyg p').first().click();

  // "Chèn ảnh từ thư viện": upload, give alt text, insert.
  await thuky.locator('.jodit-toolbar__box [aria-label="Chèn ảnh từ thư viện"]').first().click();
  const dialog = thuky.locator('.portald-library');
  await dialog.waitFor();
  await dialog.getByLabel('Tải ảnh mới lên (PNG, JPEG, GIF, WebP)').setInputFiles(photo);
  await dialog.getByRole('status').filter({ hasText: 'Đã tải ảnh' }).waitFor();
  assert.deepEqual(await axeViolations(thuky), [], 'editor page with the library dialog open');
  // Inserting without alt text is refused in the dialog itself.
  await dialog.getByRole('button', { name: 'Chèn ảnh', exact: true }).click();
  assert.match(await dialog.getByRole('status').innerText(), /Vui lòng nhập mô tả thay thế/);
  await dialog.getByLabel('Mô tả thay thế (alt) cho người không xem được ảnh').fill('Cầu mới trong ngày khánh thành');
  await dialog.getByRole('button', { name: 'Chèn ảnh', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  const body = await thuky.locator('textarea[data-editor="wysiwyg"]').inputValue();
  assert.match(body, /<img src="\/tep\/\d+-[0-9a-f]{32}\/khanh-thanh\.png" alt="Cầu mới trong ngày khánh thành">/);

  await thuky.getByRole('button', { name: 'Lưu phiên bản' }).click();
  await thuky.waitForURL(/da-luu=1/);
  const id = /bai-viet\/(\d+)/.exec(thuky.url())[1];
  const saved = await thuky.locator('textarea[data-editor="wysiwyg"]').inputValue();
  assert.doesNotMatch(saved, /data:/);
  assert.match(saved, /\/anh-dan-1\.png" alt="Sơ đồ vị trí cầu"/);
  await take(thuky, 'Gửi duyệt');
  await take(thuky, 'Nhận biên tập');
  await take(thuky, 'Trình duyệt');

  const chief = await newPage();
  await login(chief, 'truongban');
  await chief.goto(`${base}/quan-tri/bai-viet/${id}`);
  await take(chief, 'Duyệt và xuất bản');

  const reader = await newPage();
  const answer = await reader.goto(`${base}/tin-tuc/le-khanh-thanh-cau-moi-${id}`);
  assert.equal(answer.status(), 200);
  const html = await answer.text();
  assert.doesNotMatch(html, /data:image/);
  assert.match(html, /srcset="\/tep\/\d+-[0-9a-f]{32}\/khanh-thanh\.png 1000w, \/tep\/\d+-[0-9a-f]{32}\/480w\/khanh-thanh\.png 480w, \/tep\/\d+-[0-9a-f]{32}\/960w\/khanh-thanh\.png 960w"/);
  const img = reader.locator('.body img[alt="Cầu mới trong ngày khánh thành"]');
  assert.equal(await img.getAttribute('loading'), 'lazy');
  // The browser really loads one of the offered copies (naturalWidth is density-corrected to the
  // sizes slot with w descriptors, so the chosen URL is what tells which copy came).
  await img.scrollIntoViewIfNeeded();
  await reader.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
  const loaded = await img.evaluate((el) => el.currentSrc);
  assert.match(loaded, /\/tep\/\d+-[0-9a-f]{32}\/(?:(?:480|960)w\/)?khanh-thanh\.png$/);
  assert.deepEqual(await axeViolations(reader), [], 'published article');
});

test('no script errors and nothing fetched from outside portald', () => {
  assert.deepEqual(problems, []);
});
