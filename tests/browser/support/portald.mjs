// Shared by the browser and Lighthouse tests: Playwright from BROWSER_NODE_MODULES, Debian's Chromium,
// portaldctl against a temporary data dir, and the real portald on 127.0.0.1 with port 0.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

// require() for the browser tests' npm packages (BROWSER_NODE_MODULES); the Lighthouse test, which has
// its own, uses only the portald helpers below.
export function requireModule(name) {
  const modules = process.env.BROWSER_NODE_MODULES;
  assert.ok(modules, 'BROWSER_NODE_MODULES is not set (run through ctest)');
  return createRequire(path.join(modules, 'package.json'))(name);
}
requireModule.resolve = (name) => {
  const modules = process.env.BROWSER_NODE_MODULES;
  assert.ok(modules, 'BROWSER_NODE_MODULES is not set (run through ctest)');
  return createRequire(path.join(modules, 'package.json')).resolve(name);
};
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

// Runs portaldctl on the data dir: { status, stdout, stderr }.
export function runCtl(data, ...args) {
  return spawnSync(process.env.PORTALDCTL_BIN, ['--data-dir', data, ...args], { encoding: 'utf8' });
}

// Runs portaldctl on the data dir; fails the test on a non-zero exit.
export function ctl(data, ...args) {
  const r = runCtl(data, ...args);
  assert.equal(r.status, 0, `portaldctl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// Starts portald (with extra options, e.g. ['--max-body', '256K']); resolves to { daemon, base } once it
// logs daemon.ready. The personal-data key (it seals TOTP secrets) is made beside the data dir.
export function startDaemon(data, extraArgs = []) {
  const key = path.join(path.dirname(data), 'personal-data.key');
  const made = spawnSync(process.env.PORTALDCTL_BIN, ['--personal-data-key', key, 'secrets', 'keygen'], { encoding: 'utf8' });
  assert.equal(made.status, 0, `portaldctl secrets keygen: ${made.stderr}`);
  return new Promise((resolve, reject) => {
    const daemon = spawn(process.env.PORTALD_BIN,
      ['--data-dir', data, '--personal-data-key', key, '--listen', '127.0.0.1:0', ...extraArgs],
      { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`portald did not start: ${log}`)), 15000);
    daemon.stderr.on('data', (chunk) => {
      log += chunk;
      const m = /daemon\.ready listen=127\.0\.0\.1:(\d+)/.exec(log);
      if (m && !ready) {
        ready = true;
        clearTimeout(timer);
        resolve({ daemon, base: `http://127.0.0.1:${m[1]}` });
      }
    });
    daemon.on('exit', (code) => { if (!ready) reject(new Error(`portald exited ${code}: ${log}`)); });
  });
}

export async function launchChromium() {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: scripts/install-deps installs Debian's chromium`);
  const { chromium } = requireModule('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// Aborts, and reports through problems, every request that is not for base.
export async function keepOnMachine(context, base, problems) {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base) return route.continue();
    problems.push(`request left the machine: ${url}`);
    return route.abort();
  });
}

// A Vietnamese page of its own context at `viewport` that never leaves the machine; page errors go to
// `problems`.
export async function openPage(browser, base, problems, viewport) {
  const context = await browser.newContext({ locale: 'vi-VN', viewport });
  await keepOnMachine(context, base, problems);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  return page;
}

// Adds an account with this password (portaldctl user add ... --password-stdin).
export function addUser(data, name, role, password, ...extra) {
  const r = spawnSync(process.env.PORTALDCTL_BIN,
    ['--data-dir', data, 'user', 'add', '--role', role, ...extra, '--password-stdin', name],
    { encoding: 'utf8', input: password + '\n' });
  assert.equal(r.status, 0, `user add ${name}: ${r.stderr}`);
}

// RFC 6238 TOTP (SHA-1, 30 s, 6 digits) from a base32 secret.
export function totp(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/[^A-Z2-7]/g, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30)));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = mac[19] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

// Logs in through the login page (enrolling a second factor when the role needs one) and waits for the
// dashboard.
export async function login(page, base, name, password) {
  await page.goto(base + '/quan-tri/dang-nhap');
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(name);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/quan-tri(\/xac-thuc\/dang-ky)?$/);
  if (page.url().endsWith('/quan-tri/xac-thuc/dang-ky')) {
    const secret = (await page.locator('#totp-secret').innerText()).trim();
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(totp(secret));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
  }
  await page.waitForURL(base + '/quan-tri');
}

// WCAG 2.1 AA violations axe-core finds on the page, one line each (empty = clean).
export async function axeViolations(page) {
  const source = fs.readFileSync(requireModule.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const r = await window.axe.run(document,
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

// A real SMTP server on 127.0.0.1 (tests/support/smtp_server.py, Debian's aiosmtpd) and msmtp as the
// sendmail program that talks to it, as tests/support/mail_server.hpp does for the C++ tests. Returns
// { sendmail, messages(), waitFor(n), stop() }; messages are the decoded JSON the server writes.
export async function startSmtp(work) {
  const dir = fs.mkdtempSync(path.join(work, 'mailbox-'));
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'support', 'smtp_server.py');
  const server = spawn('/usr/bin/python3', [script, dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the SMTP server did not start')), 10000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /^(\d+)\n/.exec(out);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    server.on('exit', (code) => reject(new Error(`the SMTP server exited ${code}`)));
  });
  const conf = path.join(work, 'msmtprc');
  fs.writeFileSync(conf, `defaults\nauth off\ntls off\nsyslog off\n\naccount default\nhost 127.0.0.1\nport ${port}\n`,
    { mode: 0o600 });
  const sendmail = path.join(work, 'sendmail');
  fs.writeFileSync(sendmail, `#!/bin/sh\nexec /usr/bin/msmtp -C ${conf} "$@"\n`, { mode: 0o700 });
  const messages = () => fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()
    .map((n) => JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')));
  const waitFor = async (n, ms = 20000) => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
      if (messages().length >= n) return messages();
    }
    throw new Error(`${n} messages did not arrive; got ${messages().length}`);
  };
  return { sendmail, messages, waitFor, stop: () => server.kill('SIGTERM') };
}
