// The OWASP XSS filter-evasion vectors (tests/fixtures/xss_vectors.jsonl) as article bodies: imported
// with `portaldctl import articles` into a temporary data dir, served by the real portald, opened in
// Debian's Chromium. The page's CSP is bypassed so that the sanitiser alone is tested (the CSP is the
// second wall). Each vector tries to call alert() (or to load a script); a trap in every frame
// records any such call, dialogs are caught too, and the article body is checked element by element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ctl, runCtl, startDaemon, launchChromium, keepOnMachine } from './support/portald.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const vectors = fs.readFileSync(path.join(root, 'tests/fixtures/xss_vectors.jsonl'), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portald-xss-'));
const data = path.join(work, 'data');
let daemon;
let base;
let browser;

// Runs in every frame before any page script: alert and its kin report to the test.
const trap = () => {
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { window.__xssHit(`${name}(${args.join(',')})`); };
  }
};

// What the browser built from the body that must not be there: elements outside the allow-list,
// attributes outside it, and links or images whose resolved URL has another scheme.
const inspectBody = () => {
  const allowed = new Set(['P', 'BR', 'HR', 'STRONG', 'EM', 'U', 'S', 'SUB', 'SUP', 'SMALL', 'BLOCKQUOTE', 'Q',
    'CITE', 'ABBR', 'PRE', 'CODE', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TFOOT',
    'TR', 'TH', 'TD', 'A', 'IMG', 'FIGURE', 'FIGCAPTION', 'DIV', 'H2', 'H3', 'H4', 'H5', 'H6']);
  const attributes = { A: ['href', 'title', 'rel'], IMG: ['src', 'alt', 'width', 'height', 'title'], ABBR: ['title'],
    OL: ['start', 'type'], TD: ['colspan', 'rowspan'], TH: ['colspan', 'rowspan', 'scope'] };
  const body = document.querySelector('.article .body');
  if (!body) return ['no .article .body on the page'];
  const found = [];
  for (const el of body.querySelectorAll('*')) {
    if (!allowed.has(el.tagName)) found.push(`element ${el.tagName}`);
    for (const a of el.attributes) {
      if (!(attributes[el.tagName] || []).includes(a.name)) found.push(`attribute ${el.tagName}@${a.name}`);
    }
    if (el.tagName === 'A' && !['http:', 'https:', 'mailto:', 'tel:'].includes(el.protocol)) found.push(`link ${el.href}`);
    if (el.tagName === 'IMG' && !/^(https?:|data:image\/(png|jpeg|gif|webp);base64,)/.test(el.src)) found.push(`img ${el.src}`);
  }
  return found;
};

// The importer refuses bodies with a NUL byte before they reach the sanitiser (the unit test
// tests/unit/model/test_xss_vectors.cpp sanitises those vectors too).
const hasNul = (v) => v.html.includes('\0');

function writeImport(file, list) {
  const lines = list.map((v) => JSON.stringify({
    id: `xss-${v.name}`, title: `Mẫu XSS ${vectors.indexOf(v) + 1}: ${v.name}`, category: 'Kiểm thử',
    published_at: '2025-05-01T08:00:00+07:00', body_html: `<p>Mẫu số ${vectors.indexOf(v) + 1}.</p>${v.html}`,
  }));
  fs.writeFileSync(path.join(work, file), lines.join('\n') + '\n');
  return path.join(work, file);
}

before(async () => {
  ctl(data, 'init');
  ctl(data, 'import', 'articles', writeImport('xss.jsonl', vectors.filter((v) => !hasNul(v))));
  ({ daemon, base } = await startDaemon(data));
  browser = await launchChromium();
});

after(async () => {
  if (browser) await browser.close();
  if (daemon) daemon.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
});

async function newTrappedContext(hits) {
  const context = await browser.newContext({ locale: 'vi-VN', bypassCSP: true });
  await keepOnMachine(context, base, hits);
  await context.exposeBinding('__xssHit', ({ frame }, what) => hits.push(`${what} in ${frame.url()}`));
  await context.addInitScript(trap);
  context.on('page', (page) => {
    page.on('dialog', (d) => { hits.push(`dialog ${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  });
  return context;
}

async function articleUrls() {
  const urls = new Map();
  for (let page = 1; ; page++) {
    const list = await (await fetch(`${base}/api/v1/articles?per_page=100&page=${page}`)).json();
    for (const a of list.items) urls.set(a.title, a.url);
    if (!list.next) return urls;
  }
}

test('the trap catches a script that runs (control page, not sanitised)', async () => {
  const hits = [];
  const context = await newTrappedContext(hits);
  const page = await context.newPage();
  await page.route(`${base}/__control`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><title>x</title><img src=x onerror=alert(1)><iframe srcdoc="<script>confirm(2)</script>"></iframe>',
  }));
  await page.goto(`${base}/__control`);
  await page.waitForTimeout(300);
  assert.equal(hits.length, 2, hits.join('\n'));
  await context.close();
});

test('vectors with a NUL byte are refused at import, line by line', () => {
  const nul = vectors.filter(hasNul);
  assert.ok(nul.length >= 2);
  const r = runCtl(data, 'import', 'articles', writeImport('nul.jsonl', nul));
  assert.notEqual(r.status, 0);
  assert.equal((r.stderr.match(/body_html: contains a NUL character/g) || []).length, nul.length, r.stderr);
});

test('no vector executes or leaves unsafe markup on its article page', async () => {
  const urls = await articleUrls();
  const imported = vectors.filter((v) => !hasNul(v));
  assert.ok(imported.length >= 60);
  assert.equal(urls.size, imported.length, 'every vector was imported as an article');
  const hits = [];
  const context = await newTrappedContext(hits);
  const page = await context.newPage();
  const failures = [];
  for (const v of imported) {
    const url = urls.get(`Mẫu XSS ${vectors.indexOf(v) + 1}: ${v.name}`);
    assert.ok(url, `no article for ${v.name}`);
    const before = hits.length;
    const response = await page.goto(base + url, { waitUntil: 'load' });
    assert.equal(response.status(), 200, `${v.name}: ${url}`);
    // Let timers, media errors and a meta refresh fire; hovering tries mouse handlers.
    await page.hover('.article .body', { timeout: 2000 }).catch(() => {});
    await page.waitForTimeout(50);
    if (new URL(page.url()).pathname !== url) failures.push(`${v.name}: navigated to ${page.url()}`);
    for (const h of hits.slice(before)) failures.push(`${v.name}: ${h}`);
    for (const f of await page.evaluate(inspectBody)) failures.push(`${v.name}: ${f}`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(hits, []);
  await context.close();
});
