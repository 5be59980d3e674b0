// End to end, issue 6: a session without the mouse. After two files are dropped, every
// step is a key: the shortcut sheet, next/previous article, reviewing a proposal,
// a note on it, undo, searching and opening a result at its match, the command
// palette. Screenshots: 78-….

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed, startApp, shot as saveShot, dropFiles, until } from './session.mjs';
import { KEY } from './webdriver.mjs';

let driver;
const shot = (name) => saveShot(driver, name);

before(async () => {
  const work = mkdtempSync(join(tmpdir(), 'attest-e2e-keyboard-'));
  const second = join(work, 'ferry.txt');
  writeFileSync(
    second,
    'Ferry service restored\n\nThe island ferry sailed again on Tuesday, the operator said, after repairs to the ramp.\n',
  );
  driver = await startApp(work);
  await dropFiles(driver, [seed, second]);
  // Generous: a loaded machine (other apps under test) imports slowly.
  await driver.waitFor('[data-testid="import-report"]', { timeout: 60000 });
  await driver.click('[data-testid="import-report"] button');
  await driver.waitFor('[data-testid="reader"] [data-para-text]', { timeout: 60000 });
  // From here on: keys only.
  await driver.execute(`document.activeElement?.blur();`);
});

after(async () => {
  await driver?.stop();
});

const readerTitle = () => driver.execute(`return document.querySelector('[data-testid="reader-title"]')?.textContent ?? '';`);
const toastSays = (text) =>
  until(
    () => driver.execute(`return [...document.querySelectorAll('.toast')].some((t) => t.textContent.includes(arguments[0]));`, [text]),
    `a toast "${text}"`,
  );

test('? shows the shortcut sheet; Escape closes it', async () => {
  await driver.keys('?');
  await driver.waitFor('[data-testid="shortcut-sheet"]');
  const sheet = await driver.execute(`return document.querySelector('[data-testid="shortcut-sheet"]').innerText;`);
  for (const line of ['Command palette', 'Next article', 'Undo', 'Search the notebook', 'Proposal under review: accept']) {
    assert.ok(sheet.includes(line), `${line} in ${sheet}`);
  }
  await shot('78-shortcut-sheet');
  await driver.keys(KEY.escape);
  await until(async () => (await driver.findAll('[data-testid="shortcut-sheet"]')).length === 0, 'the sheet to close');
});

test('[ and ] move between articles', async () => {
  // The list shows the newest import first (the ferry, then the seed); the import opened
  // the seed, its last row.
  const seedTitle = await readerTitle();
  await driver.keys('[');
  const ferry = await until(async () => {
    const title = await readerTitle();
    return title && title !== seedTitle ? title : null;
  }, 'the previous article');
  assert.match(ferry, /Ferry service restored/);
  await driver.keys(']');
  await until(async () => (await readerTitle()) === seedTitle, 'the next article');
});

test('a proposal is accepted with A, a note made on the next with N, and undone with Ctrl+Z', async () => {
  await driver.waitFor('[data-testid="proposal"]');
  const before = (await driver.findAll('[data-testid="proposal"]')).length;
  await driver.keys('a');
  await toastSays('Statement accepted');
  await until(async () => (await driver.findAll('[data-testid="proposal"]')).length === before - 1, 'one proposal fewer');

  await driver.keys('n');
  await driver.waitFor('[data-testid="note-popover"] textarea');
  await driver.keys('checked against the ministry transcript');
  await driver.chord(KEY.control, KEY.enter);
  await toastSays('Note saved');
  await until(async () => (await driver.findAll('[data-testid="side-note"]')).length === 1, 'the note listed');
  await shot('79-keyboard-note');

  await driver.execute(`document.activeElement?.blur();`);
  await driver.chord(KEY.control, 'z');
  await toastSays('Undone');
  await until(async () => (await driver.findAll('[data-testid="side-note"]')).length === 0, 'the note undone');
});

test('/ searches; ↓ and Enter open the result marked at its match', async () => {
  await driver.keys('/');
  await until(
    () => driver.execute(`return document.activeElement?.getAttribute('data-testid') === 'search-input';`),
    'the search box to have the keyboard',
  );
  await driver.keys('territorial integrity');
  await driver.waitFor('[data-testid="search-hit"]');
  await shot('80-search');
  await driver.keys(KEY.down);
  await driver.keys(KEY.enter);
  const marked = await until(
    () => driver.execute(`return [...document.querySelectorAll('mark.highlight-match')].map((m) => m.textContent).join('');`),
    'the match marked in the reader',
  );
  // The first matched word is marked (the reader scrolls to it).
  assert.match(marked.toLowerCase(), /territorial/);
  await shot('81-opened-at-match');
});

test('Ctrl+K runs a command by name', async () => {
  await driver.execute(`document.activeElement?.blur();`);
  await driver.chord(KEY.control, 'k');
  await driver.waitFor('[data-testid="command-palette"] input');
  await driver.keys('go statements');
  await driver.keys(KEY.enter);
  await until(
    () => driver.execute(`return document.querySelector('[data-testid="tab-statements"]').getAttribute('aria-selected') === 'true';`),
    'the statements view',
  );
});
