// What the browser tests of the admin site share: the environment tests/run.sh gives,
// Chromium through playwright-core, logging in, the relais CLI on the same database
// (to make users, flows and jobs a test owns), and a screenshot after every test.
//
// Env: RELAIS_WEB_URL (e.g. http://127.0.0.1:8080/; the tests skip without it),
//      RELAIS_WEB_LOGIN / RELAIS_WEB_PASSWORD (an admin), RELAIS_CONFIG (the site's
//      relais.ini, for the CLI), RELAIS_DEMO_OUTBOX, RELAIS_CHROMIUM (default /usr/bin/chromium),
//      RELAIS_CLI (default build/engine/relais of this repository).
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const artifacts = join(here, 'artifacts');
export const env = {
  url: process.env.RELAIS_WEB_URL,
  login: process.env.RELAIS_WEB_LOGIN ?? 'admin',
  password: process.env.RELAIS_WEB_PASSWORD ?? '',
  outbox: process.env.RELAIS_DEMO_OUTBOX,
  config: process.env.RELAIS_CONFIG,
  chromium: process.env.RELAIS_CHROMIUM ?? '/usr/bin/chromium',
  cli: process.env.RELAIS_CLI ?? join(here, '..', '..', 'build', 'engine', 'relais'),
};
export const skip = env.url ? false : 'RELAIS_WEB_URL is not set';

/** A name no other test or run uses: unique('flow') -> "flow-1712-a1b2c3". */
export function unique(prefix) {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** URL of an admin page: page('job', {id: 3}) -> http://host/index.php?page=job&id=3 */
export function page(name, query = {}) {
  const base = env.url.endsWith('/') ? env.url : env.url + '/';
  const u = new URL('index.php', base);
  u.searchParams.set('page', name);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, String(v));
  return u.toString();
}

export async function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

/** The site's route table (webroot/app/routes.php): {page: {methods, auth, perm}}. */
export function routes() {
  const file = join(here, '..', '..', 'webroot', 'app', 'routes.php');
  return JSON.parse(execFileSync('php', ['-r', 'define("RELAIS_WEB", true); echo json_encode(require $argv[1]);', file], { encoding: 'utf8' }));
}

/** Runs the relais CLI on the site's configuration; returns its standard output. */
export function relais(args, input = '') {
  return execFileSync(env.cli, ['--config', env.config, ...args], { input, encoding: 'utf8' });
}

/** A user with this role and a known password; returns {login, password}. */
export function makeUser(role, prefix = role) {
  const login = unique(prefix);
  const password = 'pw-' + randomBytes(8).toString('hex');
  relais(['users', 'add', login, '--role', role, '--password-stdin'], password + '\n');
  return { login, password };
}

/** Imports a flow of these steps under a unique name; returns the name. */
export async function makeFlow(prefix, steps, extra = {}) {
  const name = extra.name ?? unique(prefix);
  const dir = await mkdtemp(join(tmpdir(), 'relais-web-flow-'));
  const file = join(dir, 'flow.json');
  await writeFile(file, JSON.stringify({ name, description: extra.description ?? '', trigger: { type: 'manual' }, steps }));
  relais(['flows', 'import', file]);
  await rm(dir, { recursive: true, force: true });
  return name;
}

/** Submits a job (without waiting); returns its id. */
export function submit(flow, params = {}) {
  const args = [];
  for (const [k, v] of Object.entries(params)) args.push('--param', `${k}=${v}`);
  return submitWith(flow, args);
}

/** Submits a job with these files (paths) without waiting; returns its id. */
export function submitFiles(flow, files) {
  return submitWith(flow, files);
}

function submitWith(flow, args) {
  let out;
  try {
    out = execFileSync(env.cli, ['--config', env.config, 'submit', flow, ...args, '--wait', '0'], { encoding: 'utf8' });
  } catch (err) {
    out = String(err.stdout ?? ''); // --wait 0 exits 3 (not finished yet) with the id printed
  }
  const m = out.match(/\d+/);
  assert.ok(m, `relais submit ${flow} printed no job id: ${out}`);
  return Number(m[0]);
}

/** A succeeded job of its own flow with one input document; returns {job, doc} (ids). */
export async function makeDocument(prefix, name = 'document.txt', content = `${prefix}\n`) {
  const dir = await mkdtemp(join(tmpdir(), 'relais-web-doc-'));
  const file = join(dir, name);
  await writeFile(file, content);
  const job = submitFiles(await makeFlow(prefix, [{ activity: 'noop' }]), [file]);
  await waitForStatus(job, ['succeeded']);
  await rm(dir, { recursive: true, force: true });
  return { job, doc: JSON.parse(relais(['show', String(job), '--json'])).documents[0].id };
}

/** The status of a job, from the CLI. */
export function jobStatus(id) {
  return JSON.parse(relais(['show', String(id), '--json'])).status;
}

/** Waits until job `id` has one of `statuses` (CLI); returns the status. */
export async function waitForStatus(id, statuses, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = jobStatus(id);
    if (statuses.includes(status)) return status;
    if (Date.now() > deadline) assert.fail(`job #${id} is ${status} after ${timeoutMs / 1000} s, not ${statuses.join(' or ')}`);
    await sleep(300);
  }
}

/**
 * A browser for one test file: before() launches it, after() closes it; `it` runs a test
 * body with the tab and saves a screenshot of the page after it, passed or failed,
 * as tests/web/artifacts/FILE--TEST.png.
 */
export function browserSuite(testFile) {
  const suite = { tab: null, context: null };
  const prefix = basename(testFile).replace(/\.test\.mjs$/, '');
  let profile;

  before(async () => {
    if (skip) return;
    profile = await mkdtemp(join(tmpdir(), 'relais-web-chromium-'));
    suite.context = await chromium.launchPersistentContext(profile, {
      executablePath: env.chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    suite.tab = suite.context.pages()[0] ?? await suite.context.newPage();
    suite.tab.setDefaultTimeout(10_000);
    // An alert() means injected script ran: fail loudly.
    suite.tab.on('dialog', async (dialog) => {
      suite.dialogs = (suite.dialogs ?? 0) + 1;
      await dialog.dismiss();
    });
  });

  after(async () => {
    await suite.context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  suite.check = (name, options, body) => {
    if (typeof options === 'function') [options, body] = [{}, options];
    it(name, { ...options, skip: options.skip || skip }, async () => {
      let failure = null;
      try {
        await body(suite.tab);
      } catch (err) {
        failure = err;
      }
      await mkdir(artifacts, { recursive: true });
      const file = join(artifacts, `${prefix}--${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`.slice(0, 200));
      await suite.tab?.screenshot({ path: file, fullPage: true }).catch(() => {});
      if (failure) {
        failure.message += `\n  page: ${suite.tab?.url()}\n  screenshot: ${file}`;
        throw failure;
      }
    });
  };
  return suite;
}

/** Logs `tab` in (after logging out whoever was in); the pages come in `lang` (default: the user's). */
export async function logIn(tab, login = env.login, password = env.password) {
  await tab.context().clearCookies();
  await tab.goto(page('login'));
  await tab.fill('#login', login);
  await tab.fill('#password', password);
  await Promise.all([tab.waitForURL((u) => !u.searchParams || !/page=login\b/.test(u.toString())), tab.click('#login-form button[type=submit]')]);
}

/** The CSRF token of the page `tab` shows. */
export async function csrfToken(tab) {
  return tab.locator('input[name=_csrf]').first().inputValue();
}
