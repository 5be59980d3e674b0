// End to end, issue 4: an actor's page in the real window — aliases (one switched off),
// how often and where the actor is mentioned, its statements — and merging a duplicate
// actor into it, then undoing the merge. Screenshots: 50-….

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed, seedQuote, startApp, shot as saveShot, dropFiles } from './session.mjs';

let driver;
let wang;
let duplicate;
const shot = (name) => saveShot(driver, name);

before(async () => {
  const work = mkdtempSync(join(tmpdir(), 'attest-e2e-actors-'));
  driver = await startApp(work);
  await dropFiles(driver, [seed]);
  await driver.waitFor('[data-testid="import-report"]');
  await driver.click('[data-testid="import-report"] button');
  wang = await driver.invoke('add_actor', { actor: { name: 'Wang Yi', kind: 'person', aliases: ['Wang'] } });
  duplicate = await driver.invoke('add_actor', {
    actor: { name: 'Foreign Minister Wang', kind: 'person', aliases: [] },
  });
  const [article] = await driver.invoke('list_articles', {});
  const view = await driver.invoke('get_article', { id: article.id });
  const start = Array.from(view.article.text.slice(0, view.article.text.indexOf(seedQuote))).length;
  await driver.invoke('add_statement', {
    statement: {
      article_id: article.id,
      speaker_actor_ids: [duplicate.id],
      speaker_mention: null,
      cue: null,
      content: [{ start, end: start + Array.from(seedQuote).length }],
      kind: 'direct',
    },
  });
});

after(async () => {
  await driver?.stop();
});

/** Opens an actor's page from the Actors tab, once the list has loaded. */
async function openActor(name) {
  await driver.click('[data-testid="tab-actors"]');
  for (const end = Date.now() + 15000; Date.now() < end; ) {
    for (const item of await driver.findAll('[data-testid="actor-item"]')) {
      if ((await item.text()).startsWith(name)) {
        await item.click();
        return driver.waitFor('[data-testid="actor-detail"]', {
          until: async (el) => (await el.text()).startsWith(name),
        });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no actor ${name} in the list`);
}

test('an actor page shows aliases, mentions and statements', async () => {
  const detail = await openActor('Wang Yi');
  await driver.waitFor('[data-testid="mention-count"]', {
    until: async (el) => /[1-9]\d* mentions? in 1 article/.test(await el.text()),
  });
  await driver.click('[aria-label="Switch off Wang"]');
  await driver.waitFor('[data-testid="alias-list"]', {
    until: async (el) => (await el.text()).includes('Wang off'),
  });
  assert.match(await detail.text(), /No statements attributed yet/);
  await shot('50-actor-page');
});

test('a duplicate actor merges in with its statement, and the merge can be undone', async () => {
  await openActor('Foreign Minister Wang');
  await driver.execute(
    `const select = document.querySelector('[aria-label="Merge Foreign Minister Wang into"]');
     select.value = arguments[0];
     select.dispatchEvent(new Event('change', { bubbles: true }));`,
    [String(wang.id)],
  );
  await (await driver.find('[data-testid="merge-actor"]')).click();
  const merged = await driver.waitFor('[data-testid="actor-detail"]', {
    until: async (el) => (await el.text()).startsWith('Wang Yi') && (await el.text()).includes('China stands firmly'),
  });
  assert.match(await merged.text(), /Merged in: Foreign Minister Wang/);
  const people = async () =>
    (await driver.invoke('list_actors', {})).filter((a) => a.kind !== 'state').map((a) => a.name).sort();
  assert.deepEqual(await people(), ['Wang Yi'], 'the duplicate is gone from the list');
  await shot('51-actors-merged');

  await driver.click('[data-testid="merged-actors"] button');
  // The actor that came back is shown, with its statement.
  await driver.waitFor('[data-testid="actor-detail"]', {
    until: async (el) =>
      (await el.text()).startsWith('Foreign Minister Wang') && (await el.text()).includes('China stands firmly'),
  });
  await shot('52-actor-unmerged');
  assert.deepEqual(await people(), ['Foreign Minister Wang', 'Wang Yi']);
  const statements = (
    await driver.invoke('list_statements', { filter: { article_id: null, actor_id: duplicate.id } })
  ).filter((s) => s.status === 'accepted');
  assert.equal(statements.length, 1, 'the statement went back with it');
});
