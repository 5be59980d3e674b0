// End to end, issue 6: annotate → undo → redo in the real window, then delete to the
// trash and restore from it. Every step by keyboard where the app offers a key.
// Screenshots: 70-….

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed, startApp, shot as saveShot, dropFiles, selectInReader } from './session.mjs';
import { KEY } from './webdriver.mjs';

let driver;
const shot = (name) => saveShot(driver, name);
const PASSAGE = 'sovereignty and territorial integrity';

before(async () => {
  const work = mkdtempSync(join(tmpdir(), 'attest-e2e-undo-'));
  driver = await startApp(work);
  await dropFiles(driver, [seed]);
  // Generous: a loaded machine (other apps under test) imports slowly.
  await driver.waitFor('[data-testid="import-report"]', { timeout: 60000 });
  await driver.click('[data-testid="import-report"] button');
  await driver.waitFor('[data-testid="reader"] [data-para-text]', { timeout: 60000 });
});

after(async () => {
  await driver?.stop();
});

/** The notes listed beside the text. */
const notes = () => driver.execute(`return [...document.querySelectorAll('[data-testid="side-note"]')].map((n) => n.innerText);`);

async function waitForNotes(count, what) {
  for (const end = Date.now() + 15000; Date.now() < end; ) {
    if ((await notes()).length === count) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what}: expected ${count} notes, found ${JSON.stringify(await notes())}`);
}

/** Waits for a toast whose text contains `text`. */
async function toast(text) {
  await driver.waitFor('[role="status"], .toast', {
    until: async () =>
      driver.execute(`return [...document.querySelectorAll('.toast')].some((t) => t.textContent.includes(arguments[0]));`, [text]),
  });
}

const onPage = () => driver.execute(`document.activeElement?.blur();`);

test('a note made with N and Ctrl+Enter is undone with Ctrl+Z and redone with Ctrl+Shift+Z', async () => {
  await selectInReader(driver, PASSAGE);
  await driver.keys('n');
  await driver.waitFor('[data-testid="note-popover"] textarea');
  await driver.keys('core interest');
  await driver.chord(KEY.control, KEY.enter);
  await waitForNotes(1, 'after saving');
  assert.match((await notes())[0], /core interest/);
  const marked = await driver.execute(
    `return [...document.querySelectorAll('mark.highlight-note')].map((m) => m.textContent).join('');`,
  );
  assert.equal(marked, PASSAGE);
  await shot('70-note-saved');

  await onPage();
  await driver.chord(KEY.control, 'z');
  await toast('Undone');
  await waitForNotes(0, 'after undo');
  assert.equal(await driver.execute(`return document.querySelectorAll('mark.highlight-note').length;`), 0);
  await shot('71-note-undone');

  await driver.chord(KEY.control, KEY.shift, 'z');
  await toast('Redone');
  await waitForNotes(1, 'after redo');
  assert.match((await notes())[0], /core interest/);
});

test('a deleted note goes to the trash and comes back from it', async () => {
  await driver.click('[data-testid="delete-note"]');
  await toast('Moved to the trash');
  await waitForNotes(0, 'after delete');

  await onPage();
  await driver.chord(KEY.control, 'k');
  await driver.waitFor('[data-testid="command-palette"] input');
  await driver.keys('trash');
  await driver.keys(KEY.enter);
  await driver.waitFor('[data-testid="trash-row"]');
  const rows = await driver.execute(`return [...document.querySelectorAll('[data-testid="trash-row"]')].map((r) => r.innerText);`);
  assert.equal(rows.length, 1);
  assert.match(rows[0], /sovereignty/);
  await shot('72-trash');
  await driver.click('[data-testid="trash-restore"]');
  await waitForNotes(1, 'after restoring');
  assert.match((await notes())[0], /core interest/);
});
