// End to end: the real Attest binary under Xvfb, driven through tauri-driver.
// Drop articles (and bad files) → open the seed → make a statement with its speaker →
// add it to a new dossier → export Markdown → check the file. Screenshots are saved to
// tests/e2e/artifacts/ for a person to look at.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  repo, seed, seedQuote, startApp, shot as saveShot, dropFiles as drop, selectInReader as select,
} from './session.mjs';

const fixture = join(repo, 'tests/fixtures/corridor.txt');

let driver;
let work;

const shot = (name) => saveShot(driver, name);
const dropFiles = (paths) => drop(driver, paths);

const selectInReader = (needle) => select(driver, needle);

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'attest-e2e-'));
  writeFileSync(join(work, 'empty.txt'), '');
  writeFileSync(join(work, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2]));
  // Windows-1252, as Word on Windows saves text: decoded, not refused.
  writeFileSync(
    join(work, 'cp1252.txt'),
    Buffer.from('\x93Caf\xe9 society is over,\x94 the minister said on Tuesday in Paris.', 'latin1'),
  );
  // Claims UTF-16 by its byte-order mark, then breaks it with a lone surrogate.
  writeFileSync(join(work, 'broken16.txt'), Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8]));
  // 50 MB on paper, sparse on disk.
  writeFileSync(join(work, 'huge.txt'), '');
  truncateSync(join(work, 'huge.txt'), 50_000_000);
  driver = await startApp(work);
});

after(async () => {
  await driver?.stop();
});

test('dropped files are imported or reported, one by one', async () => {
  await shot('01-empty-notebook');
  await dropFiles([
    fixture,
    join(work, 'empty.txt'),
    seed,
    join(work, 'photo.txt'),
    join(work, 'cp1252.txt'),
    join(work, 'broken16.txt'),
    join(work, 'huge.txt'),
    fixture,
  ]);
  const report = await driver.waitFor('[data-testid="import-report"]', {
    until: async () => (await driver.findAll('[data-testid="import-row"]')).length === 8,
  });
  const rows = await driver.findAll('[data-testid="import-row"]');
  const statuses = [];
  for (const row of rows) statuses.push(await row.attribute('data-status'));
  assert.deepEqual(statuses, [
    'imported', 'failed', 'imported', 'failed', 'imported', 'failed', 'failed', 'duplicate',
  ]);
  const text = await report.text();
  assert.match(text, /the file is empty/i);
  assert.match(text, /binary data/);
  assert.match(text, /encoding was detected as windows-1252/i);
  assert.match(text, /cannot be read as UTF-16LE/i);
  assert.match(text, /50\.0 MB; Attest imports article files up to 20\.0 MB/);
  await shot('02-import-report');

  const items = await driver.findAll('[data-testid="article-item"]');
  assert.equal(items.length, 3, 'three articles in the list');
});

test('the seed opens verbatim with its byline and dateline', async () => {
  const items = await driver.findAll('[data-testid="article-item"]');
  let seedItem;
  for (const item of items) {
    if ((await item.text()).includes('News Desk')) seedItem = item;
  }
  assert.ok(seedItem, 'the seed is listed with its byline');
  // The import report may still cover the list: dismiss it first.
  await driver.execute(
    `document.querySelector('[data-testid="import-report"] button')?.click();`,
  );
  await seedItem.click();
  const reader = await driver.waitFor('[data-testid="reader"]', {
    until: async (el) => (await el.text()).includes(seedQuote),
  });
  const text = await reader.text();
  assert.match(text, /News Desk/);
  assert.match(text, /BEIJING/);
  await shot('03-reader');
});

test('a statement is made from the direct quote with its speaker', async () => {
  await selectInReader(seedQuote);
  await driver.click('[data-testid="make-statement"]');
  await driver.waitFor('[data-testid="statement-dialog"]');
  await driver.type('[data-testid="speaker-input"]', 'Wang Yi');
  await driver.click('[data-testid="create-speaker"]');
  await driver.type('[data-testid="alias-input"]', 'Wang');
  await shot('04-statement-dialog');
  await driver.click('[data-testid="save-statement"]');
  await driver.waitFor('[data-testid="side-statement"]');

  // Opening the article also stored what extraction proposes, waiting for review.
  const statements = (
    await driver.invoke('list_statements', { filter: { article_id: null, actor_id: null } })
  ).filter((s) => s.status === 'accepted');
  assert.equal(statements.length, 1);
  assert.equal(statements[0].content[0].exact, seedQuote);
  assert.equal(statements[0].kind, 'direct');
  assert.deepEqual(
    statements[0].speakers.map((s) => s.name),
    ['Wang Yi'],
  );
  const actors = await driver.invoke('list_actors', {});
  assert.deepEqual(actors.find((a) => a.name === 'Wang Yi').aliases, ['Wang']);
  await shot('05-statement-saved');
});

test('the statement goes into a new dossier that exports as Markdown', async () => {
  await driver.click('[data-testid="tab-dossiers"]');
  await driver.type('[data-testid="dossier-title-input"]', 'China and Pakistan');
  await driver.click('[data-testid="create-dossier"]');
  await driver.click('[data-testid="dossier-add-statement"]');
  const item = await driver.waitFor('[data-testid="dossier-item"]');
  assert.match(await item.text(), /China stands firmly/);
  const commentary = 'The strongest line of the visit.';
  await driver.type('[data-testid="item-commentary"]', commentary);
  await driver.waitFor('[data-testid="item-commentary"]', {
    until: async (el) => (await el.property('value')) === commentary,
  });
  // Commentary is saved when the field loses focus.
  await driver.execute(`document.activeElement?.blur();`);
  await shot('06-dossier');

  const [dossier] = await driver.invoke('list_dossiers', {});
  assert.equal(dossier.title, 'China and Pakistan');
  // The Export button opens the native save dialog, answered with this path.
  const out = join(work, 'dossier.md');
  await driver.answerSaveDialog(out);
  await driver.click('[data-testid="export-format"] option[value="markdown"]');
  await driver.click('[data-testid="export-dossier"]');
  await driver.waitFor('[role="status"]', {
    until: async (el) => (await el.text()).includes('Exported to'),
  });
  const md = readFileSync(out, 'utf8');
  assert.match(md, /^# China and Pakistan/);
  assert.ok(md.includes(`> “${seedQuote}”[^1]`), md);
  assert.ok(md.includes('— Wang Yi (direct quote)'), md);
  assert.ok(md.includes('[^1]: News Desk, *untitled (article.txt)*, ¶5.'), md);
  assert.ok(md.includes('The strongest line of the visit.'), md);
});

test('the actor profile lists the statement; the statements table shows it', async () => {
  await driver.click('[data-testid="tab-actors"]');
  // The built-in states are there too: find Wang Yi by name.
  await driver.type('[data-testid="actor-filter"]', 'Wang Yi');
  await driver.waitFor('[data-testid="actor-item"]', {
    until: async (el) => (await el.text()).startsWith('Wang Yi'),
  });
  await driver.click('[data-testid="actor-item"]');
  const detail = await driver.waitFor('[data-testid="actor-detail"]', {
    until: async (el) => (await el.text()).includes('China stands firmly'),
  });
  assert.match(await detail.text(), /Wang/);
  await shot('07-actor');
  await driver.click('[data-testid="tab-statements"]');
  const row = await driver.waitFor('[data-testid="statement-row"]');
  assert.match(await row.text(), /Wang Yi/);
  await shot('08-statements');
});

test('the app keeps running after bad input', async () => {
  await dropFiles([join(work, 'empty.txt')]);
  await driver.waitFor('[data-testid="import-row"][data-status="failed"]');
  const info = await driver.invoke('notebook_info', {});
  assert.equal(info.article_count, 3);
  await shot('09-after-bad-drop');
});

test('every format goes in: office, PDF, RTF, mail, web archive, book, archive', async () => {
  const fixtures = (name) => join(repo, 'tests/fixtures', name);
  await dropFiles([
    fixtures('corridor.docx'),
    fixtures('corridor.pdf'),
    fixtures('corridor.rtf'),
    fixtures('corridor.mhtml'),
    fixtures('corridor.epub'),
    fixtures('border-brief.mbox'),
    fixtures('corridor-password.pdf'),
    fixtures('wires.zip'),
    fixtures('pages/wire-rules-of-origin/source.html'),
  ]);
  const report = await driver.waitFor('[data-testid="import-report"]', {
    until: async (el) => (await el.text()).includes('escape.txt'),
  });
  const rows = Object.fromEntries(
    await driver.execute(
      `return [...document.querySelectorAll('[data-testid="import-row"]')].map((row) =>
         [row.querySelector('.import-file').textContent, row.dataset.status]);`,
    ),
  );
  const status = (label) => {
    const key = Object.keys(rows).find((k) => k.startsWith(label));
    assert.ok(key, `a row for ${label} in ${JSON.stringify(rows)}`);
    return rows[key];
  };
  // The corridor article was dropped as text first: the same text in another format is
  // a duplicate, a re-saved page of it is related.
  for (const name of ['corridor.docx', 'corridor.pdf', 'corridor.rtf', 'corridor.epub › chapter 1']) {
    assert.equal(status(name), 'duplicate', name);
  }
  assert.equal(status('corridor.mhtml'), 'related');
  assert.equal(status('border-brief.mbox › message 1'), 'imported');
  assert.equal(status('border-brief.mbox › message 3'), 'imported');
  assert.equal(status('corridor-password.pdf'), 'failed');
  assert.equal(status('wires.zip › wires/corridor-reprint.txt'), 'related');
  assert.equal(status('wires.zip › wires/budget-note.md'), 'imported');
  assert.equal(status('wires.zip › ../../escape.txt'), 'failed');
  assert.equal(status('source.html'), 'imported');
  const text = await report.text();
  assert.match(text, /password-protected/);
  assert.match(text, /points outside the archive/);
  assert.match(text, /linked as related/);
  await shot('10-every-format-report');

  // The reprint opens with its related article beside it.
  await driver.execute(`document.querySelector('[data-testid="import-report"] button')?.click();`);
  for (const item of await driver.findAll('[data-testid="article-item"]')) {
    if ((await item.text()).includes('Corridor to Georgia will open before the harvest')) {
      await item.click();
      break;
    }
  }
  const related = await driver.waitFor('[data-testid="side-related"]');
  assert.match(await related.text(), /% alike/);
  await shot('11-related-articles');
});

test('a large folder imports in the background with progress, and Cancel keeps what is done', async () => {
  const folder = join(work, 'wire');
  mkdirSync(folder);
  const count = 5000;
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(folder, `story-${String(i).padStart(4, '0')}.txt`),
      `Wire story ${i}\n\nBy Desk ${i % 7}\nGENEVA: Delegates met for round ${i} of the talks, officials said.\n`,
    );
  }
  const before = (await driver.invoke('notebook_info', {})).article_count;
  await dropFiles([folder]);
  const panel = await driver.waitFor('[data-testid="import-progress"]', {
    until: async (el) => /Importing [1-9]\d* of 5000 files/.test(await el.text()),
  });
  await shot('12-import-progress');
  await driver.click('[data-testid="cancel-import"]');
  const report = await driver.waitFor('[data-testid="import-report"]', {
    timeout: 60000,
    until: async (el) => (await el.text()).includes('(cancelled)'),
  });
  assert.ok(panel, 'progress was shown');
  // Alike wire stories are imported as related: both count as imported.
  const rows = await driver.findAll(
    '[data-testid="import-row"][data-status="imported"], [data-testid="import-row"][data-status="related"]',
  );
  const after = (await driver.invoke('notebook_info', {})).article_count;
  assert.equal(after - before, rows.length, 'every file reported imported is in the notebook');
  assert.ok(rows.length > 0 && rows.length < count, `cancelled part-way (${rows.length} imported)`);
  assert.match(await report.text(), /The import was cancelled before this file/);
  await shot('13-import-cancelled');
});
