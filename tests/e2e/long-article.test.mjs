// End to end, issue 6: a 20,000-word article with hundreds of highlights in the real
// window. The reader draws only the paragraphs near the view, scrolling draws the rest,
// and a search result far down the article opens at its match. Screenshots: 90-….

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, shot as saveShot, dropFiles, until } from './session.mjs';

let driver;
let work;
const shot = (name) => saveShot(driver, name);

const PARAGRAPHS = 400;
const HIGHLIGHTS = 400;
// Words only the far paragraphs hold, to search for and to wait for.
const FAR_WORD = 'quillwort';
const FAR_PARAGRAPH = 340;
const LAST_WORDS = 'and that was the end of the long read.';

/**
 * A composed article: 400 paragraphs of ~60 words (24,000 words), narrative with a
 * quotation every 25th paragraph (each quotation is proposed as a statement on the first
 * open, which a debug build does slowly).
 */
function longArticle() {
  const vessels = ['The morning ferry', 'A cargo barge', 'The pilot boat', 'Two fishing trawlers', 'The coastguard cutter'];
  const moves = ['left the northern quay', 'waited outside the breakwater', 'crossed the outer channel', 'turned back at the lighthouse', 'moored beside the customs shed'];
  const scenes = [
    'while gulls followed the wake toward the grey headland',
    'as rain moved in from the west over the salt marshes',
    'with its deck stacked high with timber and crates of fruit',
    'before the tide turned and the harbour lights came on',
    'under a clear sky that promised a calm crossing',
  ];
  const lines = ['Long read: a season of harbour diplomacy', '', 'By Mara Ellison', ''];
  for (let p = 0; p < PARAGRAPHS; p += 1) {
    const sentences = [];
    for (let s = 0; s < 3; s += 1) {
      const k = p * 3 + s;
      sentences.push(`${vessels[k % 5]} ${moves[(k * 7) % 5]} on day ${p + 1} ${scenes[(k * 3 + p) % 5]}.`);
    }
    if (p % 25 === 0) sentences.push(`“We will meet again on day ${p + 2},” the harbour master said.`);
    if (p === FAR_PARAGRAPH) sentences.push(`Nobody mentioned the ${FAR_WORD} meadows again.`);
    if (p === PARAGRAPHS - 1) sentences.push(`So the season closed, ${LAST_WORDS}`);
    lines.push(sentences.join(' '), '');
  }
  return lines.join('\n');
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'attest-e2e-long-'));
  writeFileSync(join(work, 'long-read.txt'), longArticle());
  driver = await startApp(work);
  await dropFiles(driver, [join(work, 'long-read.txt')]);
  await driver.waitFor('[data-testid="import-report"]', { timeout: 60000 });
  await driver.click('[data-testid="import-report"] button');
  await driver.waitFor('[data-testid="reader"] [data-para-text]', { timeout: 60000 });
});

after(async () => {
  await driver?.stop();
});

/** The reader's drawn paragraphs and highlights, and whether the text contains `words`. */
const drawn = (words = '') =>
  driver.execute(
    `const reader = document.querySelector('[data-testid="reader"]');
     const paragraphs = [...reader.querySelectorAll('[data-para-text]')];
     return {
       paragraphs: paragraphs.length,
       highlights: reader.querySelectorAll('mark.highlight-note').length,
       has: paragraphs.some((p) => p.textContent.includes(arguments[0])),
     };`,
    [words],
  );

test('a long article with hundreds of highlights draws only what is near the view', async () => {
  const [{ id }] = await driver.invoke('list_articles', {});
  const { article } = await driver.invoke('get_article', { id });
  const chars = [...article.text];
  assert.ok(article.text.split(/\s+/).length > 20000, 'a 20,000-word article');
  // Highlights spread over the whole text: one every ~1/400th, 40 characters long.
  const step = Math.floor(chars.length / HIGHLIGHTS);
  for (let i = 0; i < HIGHLIGHTS; i += 1) {
    const start = i * step + 10;
    await driver.invoke('add_annotation', { article_id: id, span: { start, end: start + 40 }, note: '' });
  }
  // Open it again so the reader loads the highlights.
  await driver.click('[data-testid="tab-actors"]');
  await driver.click('[data-testid="tab-articles"]');
  await driver.waitFor('[data-testid="reader"] mark.highlight-note', { timeout: 30000 });
  const first = await drawn(LAST_WORDS);
  assert.ok(first.paragraphs > 0 && first.paragraphs < 60, `drawn paragraphs: ${first.paragraphs} of ${PARAGRAPHS + 2}`);
  assert.ok(first.highlights > 0 && first.highlights < HIGHLIGHTS, `drawn highlights: ${first.highlights}`);
  assert.equal(first.has, false, 'the last paragraph is not drawn yet');
  await shot('90-long-article-top');

  // Scrolled to the end, the last paragraph is drawn, and still only a window of them.
  await driver.execute(
    `const reader = document.querySelector('[data-testid="reader"] .article-text');
     let scroller = reader.parentElement;
     while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
     scroller.scrollTop = scroller.scrollHeight;`,
  );
  const end = await until(async () => {
    const now = await drawn(LAST_WORDS);
    return now.has && now;
  }, 'the last paragraph drawn', 20000);
  assert.ok(end.paragraphs < 60, `drawn paragraphs at the end: ${end.paragraphs}`);
  await shot('91-long-article-end');
});

test('a search result far down the long article opens at its match', async () => {
  await driver.execute(`document.activeElement?.blur();`);
  await driver.keys('/');
  await driver.keys(FAR_WORD);
  await driver.waitFor('[data-testid="search-hit"]');
  await driver.click('[data-testid="search-hit"]');
  const inView = await until(
    () =>
      driver.execute(
        `const mark = document.querySelector('mark.highlight-match');
         if (!mark) return false;
         const r = mark.getBoundingClientRect();
         return r.top >= 0 && r.bottom <= window.innerHeight && mark.textContent;`,
      ),
    'the match marked and in view',
    20000,
  );
  assert.match(inView.toLowerCase(), new RegExp(FAR_WORD));
  await shot('92-long-article-search-match');
});
