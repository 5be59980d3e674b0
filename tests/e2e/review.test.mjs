// End to end, issue 4: reviewing the statements Attest proposes for the seed article in
// the real window. Names underlined, a selected name made an actor (the proposals'
// speakers follow), accept with A, reject with R, the speaker corrected by typing, two
// actors merged. Screenshots: 60-….

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed, startApp, shot as saveShot, dropFiles, selectInReader } from './session.mjs';

let driver;
const shot = (name) => saveShot(driver, name);

before(async () => {
  const work = mkdtempSync(join(tmpdir(), 'attest-e2e-review-'));
  driver = await startApp(work);
  await dropFiles(driver, [seed]);
  await driver.waitFor('[data-testid="import-report"]');
  await driver.click('[data-testid="import-report"] button');
});

after(async () => {
  await driver?.stop();
});

/** The proposals listed beside the text: [speaker line and quote, under review?]. */
async function proposals() {
  return driver.execute(
    `return [...document.querySelectorAll('[data-testid="proposal"]')].map((item) =>
       [item.innerText.trim(), item.getAttribute('aria-current') === 'true']);`,
  );
}

/** Waits until the proposal under review satisfies `check` (its text). */
async function underReview(check, what) {
  for (const end = Date.now() + 15000; Date.now() < end; ) {
    const focused = (await proposals()).find(([, current]) => current);
    if (focused && check(focused[0])) return focused[0];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no proposal under review ${what}: ${JSON.stringify(await proposals())}`);
}

/** Presses a key on the page, as a person reviewing would (nothing focused). */
async function press(key) {
  await driver.execute(`document.activeElement?.blur();`);
  await driver.keys(key);
}

test('opening the seed lists its proposed statements beside the text, names underlined', async () => {
  await driver.click('[data-testid="article-item"]');
  await driver.waitFor('[data-testid="proposals"]', {
    until: async () => (await proposals()).length >= 8,
  });
  const list = await proposals();
  assert.ok(list[0][1], 'the first proposal is under review');
  // No person is known yet: "Wang" has no actor; China and Pakistan come from the
  // built-in gazetteer and are underlined.
  assert.match(list[0][0], /“Wang” — no actor/);
  const underlined = await driver.execute(
    `return [...document.querySelectorAll('mark.highlight-mention')].map((m) => m.title);`,
  );
  assert.ok(underlined.includes('China'), underlined.join(', '));
  assert.ok(underlined.includes('Pakistan'), underlined.join(', '));
  // The quote under review is highlighted (cut into pieces by the underlined names).
  const focus = await driver.execute(
    `return [...document.querySelectorAll('mark.highlight-focus')].map((m) => m.textContent).join('');`,
  );
  assert.match(focus, /^China stands firmly with Pakistan in defending/);
  await shot('60-review-proposals');
});

test('a selected name becomes an actor and the proposals find their speaker', async () => {
  await selectInReader(driver, 'Wang Yi');
  await driver.click('[data-testid="make-actor"]');
  await driver.waitFor('[data-testid="actor-popover"]');
  await shot('61-actor-from-selection');
  await driver.click('[data-testid="create-actor"]');
  await driver.waitFor('[role="status"]', {
    until: async (el) => (await el.text()).includes('Actor “Wang Yi” created'),
  });
  // "Wang" after "Wang Yi" is the same person: the pull quote is Wang Yi's now.
  await underReview((text) => text.startsWith('Wang Yi'), 'by Wang Yi');
  const underlined = await driver.execute(
    `return [...document.querySelectorAll('mark.highlight-mention')].map((m) => m.textContent);`,
  );
  assert.ok(underlined.includes('Wang Yi'), underlined.join(', '));
  await shot('62-speakers-resolved');
});

test('A accepts, R rejects, S corrects the speaker by typing', async () => {
  const first = await underReview((text) => text.startsWith('Wang Yi'), 'by Wang Yi');
  assert.match(first, /defending/, 'the pull quote comes first');
  const before = (await proposals()).length;
  await press('a');
  const accepted = await driver.waitFor('[data-testid="side-statement"]');
  assert.equal((await proposals()).length, before - 1, 'one fewer to review');
  assert.match(await accepted.text(), /Wang Yi — “China stands firmly with Pakistan in defending/);
  // Its variant in the body is shown with the word that differs.
  assert.match(await accepted.text(), /also in this article/);

  // The next proposal is under review; reject it.
  await underReview((text) => text !== first, 'after the accepted one');
  await press('r');
  await driver.waitFor('[data-testid="proposals"]', {
    until: async () => (await proposals()).length === before - 2,
  });

  // Yu Jianchao's "iron brother": the speaker typed, a new actor made on Enter.
  for (let i = 0; i < 20; i++) {
    const focused = (await proposals()).find(([, current]) => current)[0];
    if (/iron brother/.test(focused)) break;
    await press('j');
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await underReview((text) => /iron brother/.test(text), 'with “iron brother”');
  await press('s');
  const input = await driver.waitFor('[data-testid="proposal-speaker-input"]');
  await input.clear();
  await driver.type('[data-testid="proposal-speaker-input"]', 'Yu Jianchao');
  await shot('63-speaker-typed');
  await driver.keys('\uE007'); // Enter
  await underReview((text) => text.startsWith('Yu Jianchao') && /iron brother/.test(text), 'by Yu Jianchao');
  await press('a');
  await driver.waitFor('[data-testid="proposals"]', {
    until: async () => (await proposals()).length === before - 3,
  });
  await shot('64-reviewed');

  const all = await driver.invoke('list_statements', { filter: { article_id: null, actor_id: null } });
  const byStatus = (status) => all.filter((s) => s.status === status);
  assert.equal(byStatus('accepted').length, 2);
  assert.equal(byStatus('rejected').length, 1);
  const yu = byStatus('accepted').find((s) => s.content.some((c) => c.exact.includes('iron brother')));
  assert.deepEqual(yu.speakers.map((s) => s.name), ['Yu Jianchao']);
});

test('two actors for one person merge on the actor page', async () => {
  // "Yu" alone, made an actor of its own by mistake, then merged into Yu Jianchao.
  const yu = await driver.invoke('add_actor', { actor: { name: 'Mr Yu', kind: 'person', aliases: [] } });
  const [full] = (await driver.invoke('list_actors', {})).filter((a) => a.name === 'Yu Jianchao');
  await driver.click('[data-testid="tab-actors"]');
  await driver.type('[data-testid="actor-filter"]', 'Yu');
  for (const end = Date.now() + 15000; Date.now() < end; ) {
    const items = await driver.findAll('[data-testid="actor-item"]');
    const texts = await Promise.all(items.map((item) => item.text()));
    const at = texts.findIndex((text) => text.startsWith('Mr Yu'));
    if (at >= 0) {
      await items[at].click();
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await driver.waitFor('[data-testid="actor-detail"]', { until: async (el) => (await el.text()).startsWith('Mr Yu') });
  await driver.execute(
    `const select = document.querySelector('[aria-label="Merge Mr Yu into"]');
     select.value = arguments[0];
     select.dispatchEvent(new Event('change', { bubbles: true }));`,
    [String(full.id)],
  );
  await driver.click('[data-testid="merge-actor"]');
  const merged = await driver.waitFor('[data-testid="actor-detail"]', {
    until: async (el) => (await el.text()).startsWith('Yu Jianchao') && (await el.text()).includes('iron brother'),
  });
  assert.match(await merged.text(), /Merged in: Mr Yu/);
  await shot('65-actors-merged');
  const names = (await driver.invoke('list_actors', {})).map((a) => a.name);
  assert.ok(!names.includes('Mr Yu'), 'the duplicate is gone from the list');
  assert.ok(names.includes('Yu Jianchao'));
  assert.ok(yu.id !== full.id);
});
