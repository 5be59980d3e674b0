// End to end, issue 7: the app is single-instance. A second launch with article files
// (and a notebook) hands them to the running window and exits; the window imports them.
// Also the cloud-folder warning and the diagnostics report. Single-instance works over
// the D-Bus session bus, so this file starts a private one. Screenshots: 40-….

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, shot as saveShot } from './session.mjs';

let driver;
let work;
let bus;
let env;
const shot = (name) => saveShot(driver, name);

/** A bus daemon of our own; resolves to its address. */
async function startBus() {
  bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [chunk] = await once(bus.stdout, 'data');
  return chunk.toString().trim().split('\n')[0];
}

/** Launches the app binary again, the way a file manager or a terminal would. */
async function launchAgain(args, cwd) {
  const child = spawn(driver.app, args, { cwd, env: { ...process.env, ...env }, stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
  const [code, signal] = await once(child, 'exit');
  clearTimeout(timer);
  return { code, signal };
}

const article = (title, body) => `${title}\n\nBy Field Desk\n\n${body}\n`;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'attest-e2e-single-'));
  env = { XDG_DATA_HOME: join(work, 'data'), DBUS_SESSION_BUS_ADDRESS: await startBus() };
  driver = await startApp(work, env);
});

after(async () => {
  await driver?.stop();
  bus?.kill();
});

test('a second launch hands its files to the running window and exits', async () => {
  writeFileSync(
    join(work, 'harbour.txt'),
    article(
      'Harbour Talks Resume After Six Weeks',
      'Negotiators returned to the port city on Monday. "We are ready to sign," the envoy told reporters.',
    ),
  );
  // Relative to the second launch's own folder, not the app's.
  const second = await launchAgain(['harbour.txt'], work);
  assert.deepEqual(second, { code: 0, signal: null }, 'the second launch ends by itself');

  await driver.waitFor('[data-testid="import-report"]', { timeout: 20000 });
  await driver.waitFor('[data-testid="article-list"]', {
    until: async (el) => (await el.text()).includes('Harbour Talks Resume After Six Weeks'),
  });
  const titles = (await driver.invoke('list_articles', {})).map((a) => a.display_title);
  assert.deepEqual(titles, ['Harbour Talks Resume After Six Weeks']);
  await shot('40-second-launch-imported');
  await driver.click('[data-testid="import-report"] button');
});

test('a notebook in a synced folder is opened from a second launch, with a warning', async () => {
  const dropbox = join(work, 'Dropbox', 'Team');
  mkdirSync(dropbox, { recursive: true });
  // An empty file is a new notebook.
  writeFileSync(join(dropbox, 'field.attest'), '');
  writeFileSync(
    join(work, 'ferry.txt'),
    article('Ferry Service Suspended', 'The ministry said the ferry would not sail until the strike ended.'),
  );
  const second = await launchAgain([join(dropbox, 'field.attest'), join(work, 'ferry.txt')], work);
  assert.equal(second.code, 0);

  const warning = await driver.waitFor('[data-testid="cloud-warning"]', { timeout: 20000 });
  assert.match(await warning.text(), /This notebook is in a Dropbox folder/);
  await driver.waitFor('[data-testid="notebook-path"]', {
    until: async (el) => (await el.text()).endsWith('field.attest'),
  });
  await driver.waitFor('[data-testid="import-report"]', { timeout: 20000 });
  const titles = (await driver.invoke('list_articles', {})).map((a) => a.display_title);
  assert.deepEqual(titles, ['Ferry Service Suspended'], 'the file went into the notebook it came with');
  await shot('41-cloud-folder-warning');
  await driver.click('[data-testid="import-report"] button');
});

test('diagnostics report the notebook and the log, without article text', async () => {
  await driver.invoke('plugin:event|emit', { event: 'menu', payload: 'diagnostics' });
  const report = await driver.waitFor('[data-testid="diagnostics-report"]', {
    until: async (el) => (await el.text()).includes('Last lines of the log'),
  });
  const text = await report.text();
  assert.match(text, /^Attest \d+\.\d+\.\d+ \(debug build\) on linux/);
  assert.match(text, /Notebook: .*field\.attest/);
  assert.match(text, /synced folder: Dropbox/);
  assert.match(text, /holds: articles 1, /);
  assert.match(text, /quick check: ok/);
  assert.match(text, /a second launch handed over 1 file\(s\) and a notebook/);
  assert.match(text, /import finished/);
  for (const words of ['Ferry Service', 'strike', 'Harbour Talks', 'envoy']) {
    assert.ok(!text.includes(words), `no article text in the report: ${words}`);
  }
  // The log file itself is in the app's log folder and says the same.
  const logFile = text.match(/^Log: (.+)$/m)[1];
  assert.ok(logFile.startsWith(join(work, 'data')), logFile);
  assert.match(readFileSync(logFile, 'utf8'), /opened .*field\.attest \(0 articles\)/);
  await shot('42-diagnostics');
});
