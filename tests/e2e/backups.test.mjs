// End to end, issue 7: a snapshot taken from the Restore dialog brings the notebook
// back after a change, in the real window. The File menu is native: the test emits the
// event its click raises. Screenshots go to tests/e2e/artifacts/ (30-…).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed, startApp, shot as saveShot, dropFiles } from './session.mjs';

let driver;
let work;
const shot = (name) => saveShot(driver, name);

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'attest-e2e-backups-'));
  driver = await startApp(work);
  await dropFiles(driver, [seed]);
  await driver.waitFor('[data-testid="import-report"]');
  await driver.click('[data-testid="import-report"] button');
});

after(async () => {
  await driver?.stop();
});

test('a snapshot taken in the Restore dialog brings the notebook back', async () => {
  const openDialog = () =>
    driver.invoke('plugin:event|emit', { event: 'menu', payload: 'restore' });
  await openDialog();
  await driver.waitFor('[data-testid="restore-dialog"]');
  await driver.click('[data-testid="create-snapshot"]');
  await driver.waitFor('[data-testid="restore-snapshot"]');
  await shot('30-restore-dialog');
  await driver.execute(`document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));`);

  await driver.invoke('create_dossier', { title: 'Made after the snapshot', description: '' });
  assert.equal((await driver.invoke('list_dossiers', {})).length, 1);

  await openDialog();
  // The newest snapshot, once the list has loaded.
  const newest = await driver.waitFor('[data-testid="restore-snapshot"]');
  await newest.click();
  await driver.click('[data-testid="confirm-restore"]');
  await driver.waitFor('[role="status"]', {
    until: async (el) => (await el.text()).includes('Restored'),
  });
  assert.deepEqual(await driver.invoke('list_dossiers', {}), [], 'the notebook is as it was');
  assert.equal((await driver.invoke('list_articles', {})).length, 1);
  const folder = join(work, 'data', 'io.attest.notebook');
  assert.ok(
    readdirSync(folder).some((name) => name.includes('.replaced-')),
    'the replaced notebook is kept beside it',
  );
  assert.ok(existsSync(join(folder, 'default.attest.backups')));
  await shot('31-restored');
});
