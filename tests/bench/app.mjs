// Figures of the real app on a large notebook (issue 6), not a test:
//   attest bench generate --articles 100000 --notebook /var/tmp/attest-big/default.attest
//   ATTEST_APP=target/debug/attest-desktop xvfb-run -a node tests/bench/app.mjs \
//     /var/tmp/attest-big [--open "TITLE WORDS"] [--runs 3] [--settle MS]
// The folder must hold `default.attest`: the app is started on it as its default
// notebook (XDG_DATA_HOME points at a folder whose io.attest.notebook is that folder),
// so start-up opens it directly. Prints, per run: launch → interactive (the article list
// shows rows), resident memory of the app process and of the whole app (its WebKit
// processes too), and — with --open — the time from choosing that article (found with
// the search view) to its first paint, from the page's User Timing entries.

import { mkdtempSync, mkdirSync, readFileSync, readdirSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Driver } from '../e2e/webdriver.mjs';
import { repo } from '../e2e/session.mjs';

const args = process.argv.slice(2);
const folder = resolve(args[0] ?? '');
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const runs = Number(option('--runs') ?? 3);
const openTitle = option('--open');
// How long after the list shows to read memory and open the article: the app's damage
// check starts 10 s after the open, so `--settle 11000` opens the article beside it.
const settle = Number(option('--settle') ?? 3000);
const app = process.env.ATTEST_APP ?? join(repo, 'target/debug/attest-desktop');
if (!existsSync(join(folder, 'default.attest'))) {
  console.error(`usage: node tests/bench/app.mjs FOLDER-WITH-default.attest [--open TITLE] [--runs N] [--settle MS]`);
  process.exit(2);
}

/** Resident memory (MB) of a process. */
function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return line ? Number(line[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Every process whose parent chain reaches `root`. */
function descendants(root) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const found = [];
  const walk = (pid) => {
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

function appPid(driver) {
  const cmdlineOf = (pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  };
  return descendants(driver.proc.pid).find((pid) => cmdlineOf(pid).startsWith(resolve(app)));
}

for (let run = 1; run <= runs; run++) {
  const work = mkdtempSync(join(tmpdir(), 'attest-bench-app-'));
  mkdirSync(join(work, 'data'));
  symlinkSync(folder, join(work, 'data', 'io.attest.notebook'));
  const driver = await Driver.start({
    app,
    port: 5444 + Math.floor(Math.random() * 500) * 2,
    env: { XDG_DATA_HOME: join(work, 'data'), NO_AT_BRIDGE: '1', DBUS_SESSION_BUS_ADDRESS: '' },
  });
  try {
    await driver.waitFor('[data-testid="article-item"]', { timeout: 60000 });
    const interactive = Date.now() - driver.launchedAt;
    // Let start-up settle (first pages) before reading memory.
    await new Promise((r) => setTimeout(r, settle));
    const pid = appPid(driver);
    const appMb = rssMb(pid);
    const totalMb = [pid, ...descendants(pid)].reduce((sum, p) => sum + rssMb(p), 0);
    console.log(
      `run ${run}: launch → interactive ${interactive} ms; resident memory: app ${appMb.toFixed(0)} MB, with WebKit processes ${totalMb.toFixed(0)} MB`,
    );
    if (openTitle) console.log(`run ${run}: open "${openTitle}" → first paint ${await openTime(driver, openTitle)} ms)`);
  } finally {
    await driver.stop();
  }
}

/** Finds the article by its title in the search view, opens it, reads the paint timing. */
async function openTime(driver, title) {
  await driver.click('[data-testid="tab-search"]');
  await driver.type('[data-testid="search-input"]', `"${title}"`);
  await driver.waitFor('[data-testid="search-hit"]', { timeout: 120000 });
  // Also from just before the click (the reader's own mark comes after the tab switch
  // has rendered), so the figure holds everything the analyst waits for.
  await driver.execute(`performance.clearMeasures(); window.__benchClickAt = performance.now();`);
  await driver.click('[data-testid="search-hit"]');
  for (let i = 0; i < 300; i++) {
    const measured = await driver.execute(
      `const all = performance.getEntriesByType('measure');
       const at = (step) => all.find((e) => e.name.startsWith('article-' + step + '-'))?.duration ?? NaN;
       const m = all.find((e) => e.name.startsWith('article-painted-'));
       return m ? [m.duration, m.startTime + m.duration - window.__benchClickAt, at('loaded'), at('rendered')] : null;`,
    );
    if (measured !== null) {
      const [painted, fromClick, loaded, rendered] = measured.map(Math.round);
      return `${painted} ms (from the click: ${fromClick}; view loaded at ${loaded}, rendered at ${rendered}`;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the article did not paint');
}
