// What every end-to-end test file needs: the app started on its own data folder,
// screenshots for a person to look at, and dropped files.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Driver } from './webdriver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '../..');
export const artifacts = join(here, 'artifacts');
export const seed = resolve(repo, '../shared/corpus/seed/article.txt');
export const seedQuote =
  'China stands firmly with Pakistan in safeguarding its sovereignty and territorial integrity';
const app = process.env.ATTEST_APP ?? join(repo, 'target/debug/attest-desktop');

/**
 * Starts the app with its own data folder under `work`: never a real notebook. No
 * D-Bus session either (unless `env` gives one), so the app never hands its command
 * line to an Attest the developer has open: single-instance needs the session bus.
 */
export async function startApp(work, env = {}) {
  assert.ok(existsSync(app), `the app binary is built at ${app} (make app)`);
  assert.ok(existsSync(seed), `the seed article is at ${seed}`);
  const port = 4444 + Math.floor(Math.random() * 1000) * 2;
  const driver = await Driver.start({
    app,
    port,
    env: { XDG_DATA_HOME: join(work, 'data'), NO_AT_BRIDGE: '1', DBUS_SESSION_BUS_ADDRESS: '', ...env },
  });
  await driver.waitFor('[data-testid="app-ready"]', { timeout: 30000 });
  return driver;
}

/** Saves the window as tests/e2e/artifacts/NAME.png once the page has painted. */
export async function shot(driver, name) {
  mkdirSync(artifacts, { recursive: true });
  await driver.executeAsync(
    `const done = arguments[0];
     requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));`,
  );
  writeFileSync(join(artifacts, `${name}.png`), await driver.screenshot());
}

/** Emits the event the window raises when files are dropped on it. */
export async function dropFiles(driver, paths) {
  await driver.invoke('plugin:event|emit', {
    event: 'tauri://drag-drop',
    payload: { paths, position: { x: 400, y: 300 } },
  });
}

/**
 * Selects `needle` in the reader's text the way a mouse drag would, then releases. The
 * words may run across highlights and underlined names (several text nodes).
 */
export async function selectInReader(driver, needle) {
  const found = await driver.execute(
    `const needle = arguments[0];
     const root = document.querySelector('[data-testid="reader"] .article-text');
     for (const paragraph of root.querySelectorAll('[data-para-text]')) {
       const nodes = [];
       const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
       let text = '';
       for (let node = walker.nextNode(); node; node = walker.nextNode()) {
         nodes.push([node, text.length]);
         text += node.data;
       }
       const at = text.indexOf(needle);
       if (at < 0) continue;
       const place = (offset, last) => {
         for (let i = nodes.length - 1; i >= 0; i--) {
           const [node, start] = nodes[i];
           if (last ? start < offset : start <= offset) return [node, offset - start];
         }
       };
       paragraph.scrollIntoView({ block: 'center' });
       const range = document.createRange();
       range.setStart(...place(at, false));
       range.setEnd(...place(at + needle.length, true));
       const selection = window.getSelection();
       selection.removeAllRanges();
       selection.addRange(range);
       const rect = range.getBoundingClientRect();
       paragraph.dispatchEvent(new MouseEvent('mouseup', {
         bubbles: true, clientX: rect.right, clientY: rect.bottom }));
       return true;
     }
     return false;`,
    [needle],
  );
  assert.ok(found, `“${needle}” is in the reader`);
}

/** Polls `check` until it returns something truthy (returned), or fails naming `what`. */
export async function until(check, what, timeout = 15000) {
  for (const end = Date.now() + timeout; Date.now() < end; ) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}
