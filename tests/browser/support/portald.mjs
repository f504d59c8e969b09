// Shared by the browser and Lighthouse tests: Playwright from BROWSER_NODE_MODULES, Debian's Chromium,
// portaldctl against a temporary data dir, and the real portald on 127.0.0.1 with port 0.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
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
