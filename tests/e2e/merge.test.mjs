// End to end, issue 7: merging a colleague's notebook into the open one in the real
// window — the plan, a decision on an ambiguous actor, the merge, and the statement
// that arrives anchored in our copy of the article. The colleague's notebook is made
// with the attest CLI. Screenshots: 45-….

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { seed, seedQuote, startApp, shot as saveShot, dropFiles } from './session.mjs';

let driver;
let work;
let other;
const shot = (name) => saveShot(driver, name);

/** The attest CLI built beside the app. */
function attest(...args) {
  const cli = join(dirname(driver.app), 'attest');
  return execFileSync(cli, ['--notebook', other, ...args], { encoding: 'utf8' });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'attest-e2e-merge-'));
  driver = await startApp(work);
  // Ours: the seed article and Wang Yi, also called "Wang".
  await dropFiles(driver, [seed]);
  await driver.waitFor('[data-testid="import-report"]');
  await driver.click('[data-testid="import-report"] button');
  await driver.invoke('add_actor', { actor: { name: 'Wang Yi', kind: 'person', aliases: ['Wang'] } });

  // The colleague's: the same article saved with Windows line endings, one more
  // article, an actor "Wang" (which Wang?) and a statement by him.
  other = join(work, 'colleague.attest');
  const copy = join(work, 'seed-crlf.txt');
  writeFileSync(copy, readFileSync(seed, 'utf8').replace(/\n/g, '\r\n'));
  const harbour = join(work, 'harbour.txt');
  writeFileSync(
    harbour,
    'Harbour Talks Resume After Six Weeks\n\nBy Field Desk\n\nNegotiators returned to the port city on Monday.\n',
  );
  attest('import', copy, harbour);
  attest('actors', 'add', 'Wang', '--kind', 'person');
  attest('actors', 'add', 'Ishaq Dar', '--kind', 'person');
  const lines = (output) => output.trim().split('\n').map((line) => JSON.parse(line));
  const theirSeed = lines(attest('--json', 'articles')).find((a) => a.source_name === 'seed-crlf.txt');
  // What import stores for the file: offsets are code points of that text.
  const [{ article }] = lines(attest('--json', 'inspect', copy));
  const text = article.text;
  const start = Array.from(text.slice(0, text.indexOf(seedQuote))).length;
  const end = start + Array.from(seedQuote).length;
  attest('statements', 'add', '--article', String(theirSeed.id), '--content-start', String(start),
    '--content-end', String(end), '--speaker', 'Wang', '--stance', 'supports');
});

after(async () => {
  await driver?.stop();
});

test('a colleague’s notebook merges in after the analyst decides who “Wang” is', async () => {
  await driver.answerOpenDialog(other);
  await driver.invoke('plugin:event|emit', { event: 'menu', payload: 'merge' });
  const summary = await driver.waitFor('[data-testid="merge-summary"]', { timeout: 20000 });
  assert.match(await summary.text(), /1 new article and 1 already here; 1 statement,/);
  const conflict = await driver.find('[data-testid="merge-conflict"]');
  assert.match(await conflict.text(), /Wang/);
  const confirm = await driver.find('[data-testid="confirm-merge"]');
  assert.equal(await confirm.attribute('disabled'), 'true', 'no merge before the decision');
  await shot('45-merge-plan');

  // "Wang" is our Wang Yi.
  const ours = (await driver.invoke('list_actors', {})).find((a) => a.name === 'Wang Yi');
  await driver.execute(
    `const select = document.querySelector('[data-testid="merge-conflict"] select');
     select.value = arguments[0];
     select.dispatchEvent(new Event('change', { bubbles: true }));`,
    [String(ours.id)],
  );
  await confirm.click();
  const report = await driver.waitFor('[data-testid="merge-report"]', { timeout: 30000 });
  assert.match(await report.text(), /1 article added \(1 already here\)/);
  // Numbered when the day's snapshot was taken in the same second: "-merge-2.attest".
  assert.match(await report.text(), /-merge(-\d+)?\.attest/);
  await shot('46-merge-report');

  const articles = await driver.invoke('list_articles', {});
  assert.equal(articles.length, 2, 'the shared article is not there twice');
  // The built-in states aside.
  const actors = (await driver.invoke('list_actors', {}))
    .filter((a) => a.kind !== 'state')
    .map((a) => a.name)
    .sort();
  assert.deepEqual(actors, ['Ishaq Dar', 'Wang Yi']);
  // Proposals for the articles opened aside, the analyst's statement came over.
  const statements = (
    await driver.invoke('list_statements', { filter: { article_id: null, actor_id: null } })
  ).filter((s) => s.status === 'accepted');
  assert.equal(statements.length, 1);
  const [statement] = statements;
  assert.deepEqual(statement.speakers.map((s) => s.name), ['Wang Yi']);
  assert.equal(statement.content[0].exact, seedQuote, 'anchored in our copy of the article');
});
