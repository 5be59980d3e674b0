// A small W3C WebDriver client over fetch, enough to drive the real Attest window
// through tauri-driver (which forwards to WebKitWebDriver).

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class Driver {
  constructor(base, session) {
    this.base = base;
    this.session = session;
  }

  /** Starts tauri-driver on `port` with `env` and opens a session on the app binary. */
  static async start({ app, port, env }) {
    // The driver's and the app's output go to a file, not to this process's pipes: an
    // app that outlives its session would hold those open and keep the test runner
    // waiting for their end.
    const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    const log = openSync(join(artifacts, 'tauri-driver.log'), 'a');
    const proc = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', log, log],
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        const r = await fetch(`${base}/status`);
        if (r.ok) break;
      } catch {
        /* not listening yet */
      }
      if (i > 100) throw new Error('tauri-driver did not start');
      await sleep(100);
    }
    // The session request launches the app: start-up figures count from here.
    const launchedAt = Date.now();
    const res = await call(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application: app, args: [] } } },
    });
    const driver = new Driver(base, res.sessionId);
    driver.proc = proc;
    driver.app = app;
    driver.launchedAt = launchedAt;
    return driver;
  }

  async stop() {
    try {
      await this.cmd('DELETE', '');
    } finally {
      this.proc?.kill();
      // Closing the session normally ends the app; if it raced the driver's exit, end
      // it here so no window is left behind.
      await sleep(500);
      spawnSync('pkill', ['-f', `^${this.app}`]);
    }
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.session}${path}`, body);
  }

  async find(css) {
    const el = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, el[ELEMENT]);
  }

  async findAll(css) {
    // WebKitGTK's driver can fail a lookup with "stale element reference" when React
    // replaces a matching element during it (the spec has no such error for finding);
    // the page is asked again, as it would be a moment later.
    for (let attempt = 1; ; attempt++) {
      try {
        const els = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
        return els.map((e) => new Element(this, e[ELEMENT]));
      } catch (error) {
        if (attempt >= 5 || !/stale element/.test(String(error))) throw error;
        await sleep(50);
      }
    }
  }

  /** Polls `css` until it exists (and `until(el)` holds, if given). */
  async waitFor(css, { timeout = 15000, until } = {}) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      try {
        const el = await this.find(css);
        if (!until || (await until(el))) return el;
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${css}${last ? `: ${last.message}` : ''}`);
  }

  async click(css) {
    const el = await this.waitFor(css);
    await el.click();
    return el;
  }

  async type(css, text) {
    const el = await this.waitFor(css);
    await el.clear();
    await el.type(text);
    return el;
  }

  /** Presses and releases each key of `text` on whatever has the focus (WebDriver
   *  key actions: real key events, as a person typing). */
  async keys(text) {
    const actions = [...text].flatMap((key) => [
      { type: 'keyDown', value: key },
      { type: 'keyUp', value: key },
    ]);
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  /** Holds the keys down together, then lets go: `chord(KEY.control, 'k')`. */
  async chord(...keys) {
    const actions = [
      ...keys.map((value) => ({ type: 'keyDown', value })),
      ...keys.reverse().map((value) => ({ type: 'keyUp', value })),
    ];
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions');
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  /** Calls a Tauri command through the page's IPC bridge, as the UI does. */
  async invoke(command, args) {
    const result = await this.executeAsync(
      `const [command, args, done] = arguments;
       window.__TAURI_INTERNALS__.invoke(command, args)
         .then((value) => done({ ok: true, value }), (error) => done({ ok: false, error }));`,
      [command, args],
    );
    if (!result.ok) throw new Error(`${command}: ${JSON.stringify(result.error)}`);
    return result.value;
  }

  /**
   * Answers the native save dialogs from now on with `path` instead of showing them:
   * WebDriver cannot drive a GTK dialog. Tauri's IPC travels as fetch() requests to its
   * ipc:// protocol, so the page answers the dialog's request itself; everything after
   * the dialog (the UI, the export command, the file) is real.
   */
  async answerSaveDialog(path) {
    await this.answerDialog('save', path);
  }

  /** Like `answerSaveDialog`, for the native Open dialog (`plugin:dialog|open`). */
  async answerOpenDialog(answer) {
    await this.answerDialog('open', answer);
  }

  async answerDialog(kind, answer) {
    await this.execute(
      `if (!window.__realFetch) {
         window.__realFetch = window.fetch;
         window.__dialogAnswers = {};
         window.fetch = (url, init) => {
           const kind = ['save', 'open'].find((k) =>
             String(url).includes(encodeURIComponent('plugin:dialog|' + k)));
           return kind && kind in window.__dialogAnswers
             ? Promise.resolve(new Response(JSON.stringify(window.__dialogAnswers[kind]), {
                 headers: { 'Tauri-Response': 'ok', 'Content-Type': 'application/json' } }))
             : window.__realFetch(url, init);
         };
       }
       window.__dialogAnswers[arguments[0]] = arguments[1];`,
      [kind, answer],
    );
  }

  /** PNG bytes of the window. */
  async screenshot() {
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }
}

class Element {
  constructor(driver, id) {
    this.driver = driver;
    this.id = id;
  }
  click() {
    return this.driver.cmd('POST', `/element/${this.id}/click`, {});
  }
  clear() {
    return this.driver.cmd('POST', `/element/${this.id}/clear`, {});
  }
  type(text) {
    return this.driver.cmd('POST', `/element/${this.id}/value`, { text });
  }
  /** The rendered text (innerText: WebKitWebDriver's own getText stops at the first
   *  line of a button). */
  text() {
    return this.driver.execute('return arguments[0].innerText;', [{ [ELEMENT]: this.id }]);
  }
  property(name) {
    return this.driver.cmd('GET', `/element/${this.id}/property/${name}`);
  }
  attribute(name) {
    return this.driver.cmd('GET', `/element/${this.id}/attribute/${name}`);
  }
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || json.value?.error) {
    throw new Error(`${method} ${path}: ${json.value?.error ?? res.status} ${json.value?.message ?? ''}`);
  }
  return json.value;
}

/** WebDriver's codes for keys that type no character. */
export const KEY = {
  control: '\uE009',
  shift: '\uE008',
  enter: '\uE007',
  escape: '\uE00C',
  down: '\uE015',
  up: '\uE013',
};
