// End to end, issue 5: a dossier with sections, statements and a whole article is
// compiled through the Export button and the save dialog into every document format
// and the data formats, and the files are read back by the programs our users have
// (pdftotext for the PDF). A saved-query dossier follows the notebook until frozen.
// Screenshots go to tests/e2e/artifacts/ (20-…).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifacts, repo, seed, seedQuote, startApp, shot as saveShot, dropFiles } from './session.mjs';

let driver;
let work;
const shot = (name) => saveShot(driver, name);

/** `needle`'s span in code points of `text`, as the commands take it. */
function span(text, needle) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `“${needle}” is in the article`);
  return { start: [...text.slice(0, at)].length, end: [...text.slice(0, at)].length + [...needle].length };
}

/** Clicks Export with `format` chosen and the save dialog answered with `path`. */
async function exportAs(format, path) {
  await driver.answerSaveDialog(path);
  await driver.click(`[data-testid="export-format"] option[value="${format}"]`);
  await driver.click('[data-testid="export-dossier"]');
  await driver.waitFor('[role="status"]', {
    timeout: 60000,
    until: async (el) => (await el.text()).includes(path),
  });
}

const squash = (s) => s.replace(/\s+/g, ' ');

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'attest-e2e-dossiers-'));
  driver = await startApp(work);
  await dropFiles(driver, [seed, join(repo, 'tests/fixtures/corridor.txt')]);
  await driver.waitFor('[data-testid="import-report"]', {
    until: async () => (await driver.findAll('[data-testid="import-row"]')).length === 2,
  });
  await driver.click('[data-testid="import-report"] button');
  // Statements are made through the reader in walking-skeleton.test.mjs; here they are
  // set up through the same commands.
  const articles = await driver.invoke('list_articles', {});
  const seedArticle = articles.find((a) => a.byline === 'News Desk');
  const view = await driver.invoke('get_article', { id: seedArticle.id });
  const wang = await driver.invoke('add_actor', { actor: { name: 'Wang Yi', kind: 'person', aliases: ['Wang'] } });
  const dar = await driver.invoke('add_actor', { actor: { name: 'Ishaq Dar', kind: 'person', aliases: ['Dar'] } });
  const statement = (actor, quote, stance) =>
    driver.invoke('add_statement', {
      statement: {
        article_id: seedArticle.id,
        content: [span(view.article.text, quote)],
        speaker_actor_ids: [actor.id],
        speaker_mention: null,
        cue: null,
        kind: 'direct',
        stance,
        topics: ['sovereignty'],
      },
    });
  await statement(wang, seedQuote, 'supports');
  await statement(dar, 'Pakistan', 'opposes');
});

after(async () => {
  await driver?.stop();
});

test('a dossier gets sections, statements and a whole article', async () => {
  await driver.click('[data-testid="tab-dossiers"]');
  await driver.type('[data-testid="dossier-title-input"]', 'China–Pakistan brief');
  await driver.click('[data-testid="create-dossier"]');
  await driver.waitFor('[data-testid="dossier-detail"]');
  await driver.type('[data-testid="section-title-input"]', 'What Beijing said');
  await driver.click('[data-testid="add-section"]');
  await driver.waitFor('[data-testid="dossier-section"]');
  for (let n = 1; n <= 2; n++) {
    await driver.click('[data-testid="dossier-add-statement"]');
    await driver.waitFor('[data-testid="dossier-item"]', {
      until: async () => (await driver.findAll('[data-testid="dossier-item"]')).length === 1 + n,
    });
  }
  await driver.type('[data-testid="section-title-input"]', 'The source');
  await driver.click('[data-testid="add-section"]');
  await driver.click('[data-testid="dossier-add-article"]');
  await driver.waitFor('[data-testid="dossier-item"]', {
    until: async () => (await driver.findAll('[data-testid="dossier-item"]')).length === 5,
  });
  const sections = await driver.findAll('[data-testid="dossier-section"]');
  assert.equal(sections.length, 2);
  await shot('20-dossier-with-sections');
});

test('the citation style is picked in its dialog', async () => {
  await driver.click('[data-testid="citation-style"]');
  await driver.click('input[type="radio"][value="chicago"]');
  await shot('21-citation-style');
  await driver.click('[data-testid="save-citation-style"]');
  const style = await driver.invoke('citation_style', {});
  assert.equal(style.name, 'chicago');
});

test('Export writes every format through the save dialog', async () => {
  const out = (ext) => join(work, `brief.${ext}`);

  await exportAs('markdown', out('md'));
  const md = readFileSync(out('md'), 'utf8');
  const note = md.match(new RegExp(`> “${seedQuote}”\\[\\^(\\d+)\\]`));
  assert.ok(note, md);
  assert.ok(md.includes(`[^${note[1]}]: News Desk, “untitled (article.txt),” para. 5.`), md);
  assert.ok(md.includes('## What Beijing said') && md.includes('## The source'), md);

  await exportAs('html', out('html'));
  const html = readFileSync(out('html'), 'utf8');
  assert.ok(html.includes(seedQuote) && !html.includes('<script'), 'self-contained HTML');

  await exportAs('docx', out('docx'));
  assert.equal(readFileSync(out('docx')).subarray(0, 2).toString(), 'PK');

  await exportAs('pdf', out('pdf'));
  const pdfText = squash(execFileSync('pdftotext', ['-layout', out('pdf'), '-'], { encoding: 'utf8' }));
  assert.ok(pdfText.includes(squash(seedQuote)), pdfText);
  assert.ok(pdfText.includes('para. 5'), 'the footnote citation');
  // The first page, for a person to look at.
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', out('pdf'), join(artifacts, '22-dossier-pdf')]);

  await exportAs('csv', out('csv'));
  assert.ok(readFileSync(out('csv'), 'utf8').includes(seedQuote));

  await exportAs('gexf', out('gexf'));
  const gexf = readFileSync(out('gexf'), 'utf8');
  assert.ok(gexf.includes('Wang Yi') && gexf.includes('conflict'), gexf);
  await shot('23-exported');
});

test('a saved-query dossier follows the notebook until it is frozen', async () => {
  await driver.click('[data-testid="tab-statements"]');
  await driver.click('[data-testid="tab-dossiers"]');
  await driver.type('[data-testid="dossier-title-input"]', 'Sovereignty, as said');
  await driver.click('[data-testid="query-toggle"]');
  await driver.type('[data-testid="query-topic"]', 'sovereignty');
  await driver.click('[data-testid="create-dossier"]');
  const banner = await driver.waitFor('[data-testid="query-banner"]');
  assert.match(await banner.text(), /sovereignty/);
  await driver.waitFor('[data-testid="dossier-item"]', {
    until: async () => (await driver.findAll('[data-testid="dossier-item"]')).length === 2,
  });
  await shot('24-saved-query-dossier');
  await driver.click('[data-testid="freeze-dossier"]');
  await driver.waitFor('[data-testid="add-section"]');
  const dossiers = await driver.invoke('list_dossiers', {});
  const frozen = dossiers.find((d) => d.title === 'Sovereignty, as said');
  assert.deepEqual([frozen.query, frozen.item_count], [null, 2]);
});
