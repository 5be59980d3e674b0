// End to end, issue 6: an article's text replaced by a corrected file in the real
// window. Its highlights follow their words to where they moved; the one whose words
// were rewritten is flagged "needs review", listed, and confirmed by the analyst.
// Screenshots: 75-….

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, shot as saveShot, dropFiles } from './session.mjs';

let driver;
let work;
const shot = (name) => saveShot(driver, name);

// An article written for this test, and its corrected version: a new opening paragraph
// moves everything down, the second passage is rewritten, the others keep their words.
const FIRST = [
  'Harbour talks resume after a week of silence',
  '',
  'By Lena Ortiz',
  '',
  'VALLETTA: The port authority said on Monday that negotiations with the shipping union would resume on Thursday.',
  '',
  'A spokesperson described the last offer as “a fair basis for a deal” and declined to give figures.',
  '',
  'Union leaders said they would consult members before any vote on the proposal.',
].join('\n');
const CORRECTED = [
  'Harbour talks resume after a week of silence',
  '',
  'By Lena Ortiz',
  '',
  'Correction: an earlier version of this article misstated the day of the talks.',
  '',
  'VALLETTA: The port authority said on Monday that negotiations with the shipping union would resume on Thursday.',
  '',
  'A spokesperson called the latest proposal unacceptable in its present form and left the meeting early.',
  '',
  'Union leaders said they would consult members before any vote on the proposal.',
].join('\n');
const PASSAGES = ['negotiations with the shipping union', 'a fair basis for a deal', 'consult members before any vote'];

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'attest-e2e-reimport-'));
  writeFileSync(join(work, 'harbour.txt'), FIRST);
  writeFileSync(join(work, 'harbour-corrected.txt'), CORRECTED);
  driver = await startApp(work);
  await dropFiles(driver, [join(work, 'harbour.txt')]);
  // Generous: a loaded machine (other apps under test) imports slowly.
  await driver.waitFor('[data-testid="import-report"]', { timeout: 60000 });
  await driver.click('[data-testid="import-report"] button');
  await driver.waitFor('[data-testid="reader"] [data-para-text]', { timeout: 60000 });
});

after(async () => {
  await driver?.stop();
});

/** Code-point span of `needle` in `text`. */
function spanOf(text, needle) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...needle].length };
}

test('highlights follow a corrected text; the rewritten one is flagged and confirmed', async () => {
  const [{ id }] = await driver.invoke('list_articles', {});
  const article = await driver.invoke('get_article', { id });
  for (const [i, passage] of PASSAGES.entries()) {
    await driver.invoke('add_annotation', { article_id: id, span: spanOf(article.article.text, passage), note: `note ${i + 1}` });
  }
  // The reader shows what was added behind its back once something reloads it.
  await driver.click('[data-testid="tab-actors"]');
  await driver.click('[data-testid="tab-articles"]');
  await driver.waitFor('[data-testid="side-note"]', {
    until: async () => (await driver.findAll('[data-testid="side-note"]')).length === 3,
  });

  await driver.answerOpenDialog(join(work, 'harbour-corrected.txt'));
  await driver.click('[data-testid="replace-text"]');
  await driver.waitFor('.toast', {
    until: async () =>
      driver.execute(`return [...document.querySelectorAll('.toast')].some((t) => t.textContent.startsWith('Text replaced'));`),
  });
  const report = await driver.execute(
    `return [...document.querySelectorAll('.toast')].map((t) => t.textContent).find((t) => t.startsWith('Text replaced'));`,
  );
  // Nothing stays at its old position (a paragraph came first); the rewritten sentence's
  // note — and the statement proposed on it when the article was first opened — need review.
  assert.match(report, /0 anchors kept, \d+ moved, \d+ needs? review/);

  // The text is the corrected one; the other two notes sit on their words in it.
  await driver.waitFor('[data-testid="review-item"]');
  const text = await driver.execute(`return document.querySelector('[data-testid="reader"] .article-text').innerText;`);
  assert.match(text, /Correction: an earlier version/);
  const marked = await driver.execute(
    `return [...document.querySelectorAll('mark.highlight-note')].map((m) => m.textContent);`,
  );
  assert.ok(marked.includes(PASSAGES[0]), JSON.stringify(marked));
  assert.ok(marked.includes(PASSAGES[2]), JSON.stringify(marked));
  // Flagged with its old words, listed, never moved silently.
  const fresh = await driver.invoke('get_article', { id });
  const flagged = fresh.annotations.filter((a) => a.anchor_status === 'needs_review');
  assert.deepEqual(flagged.map((a) => a.note), ['note 2']);
  assert.deepEqual(
    fresh.annotations.filter((a) => a.anchor_status !== 'needs_review').map((a) => a.anchor.exact).sort(),
    [PASSAGES[0], PASSAGES[2]].sort(),
  );
  const items = await driver.execute(`return [...document.querySelectorAll('[data-testid="review-item"]')].map((r) => r.innerText);`);
  assert.ok(items.some((item) => item.includes('a fair basis for a deal')), JSON.stringify(items));
  await shot('75-needs-review');

  // The analyst confirms each proposed place; the list empties.
  for (let left = items.length; left > 0; left--) {
    await driver.click('[data-testid="confirm-proposed"]');
    await driver.waitFor('[data-testid="reader"]', {
      until: async () => (await driver.findAll('[data-testid="review-item"]')).length === left - 1,
    });
  }
  const after = await driver.invoke('get_article', { id });
  assert.equal(after.annotations.filter((a) => a.anchor_status === 'needs_review').length, 0);
  assert.equal(after.statements.filter((s) => s.anchor_status === 'needs_review').length, 0);
  await shot('76-review-confirmed');
});
