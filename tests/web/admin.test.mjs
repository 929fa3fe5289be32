// Browser test of the Relais admin site (webroot/): log in, run the demo flow with an
// uploaded file, watch the job succeed, find the file in the demo outbox.
//
// Run: node --test tests/web/
// Env: RELAIS_WEB_URL (e.g. http://127.0.0.1:8080/), RELAIS_WEB_LOGIN, RELAIS_WEB_PASSWORD,
//      RELAIS_DEMO_OUTBOX (the directory the demo-deposit flow writes to),
//      RELAIS_CHROMIUM (optional, default /usr/bin/chromium).
// The tests are skipped when RELAIS_WEB_URL is not set. On failure a screenshot goes to
// tests/web/artifacts/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const artifacts = join(here, 'artifacts');
const env = {
  url: process.env.RELAIS_WEB_URL,
  login: process.env.RELAIS_WEB_LOGIN ?? 'admin',
  password: process.env.RELAIS_WEB_PASSWORD ?? '',
  outbox: process.env.RELAIS_DEMO_OUTBOX,
  chromium: process.env.RELAIS_CHROMIUM ?? '/usr/bin/chromium',
};
const DEMO_FLOW = 'demo-deposit';
const JOB_TIMEOUT_MS = 30_000;

/** URL of an admin page: page('job', {id: 3}) -> http://host/index.php?page=job&id=3 */
function page(name, query = {}) {
  const base = env.url.endsWith('/') ? env.url : env.url + '/';
  const u = new URL('index.php', base);
  u.searchParams.set('page', name);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, String(v));
  return u.toString();
}

async function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

/** Looks for a file named `name` (or, failing that, with `content`) under dir, a few levels deep. */
async function findInOutbox(dir, name, content, depth = 3) {
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch { return null; }
  for (const entry of entries) {
    if (entry.isFile() && entry.name === name) return join(dir, entry.name);
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isFile()) {
      const data = await readFile(path).catch(() => null);
      if (data && data.equals(content)) return path;
    } else if (entry.isDirectory() && depth > 0) {
      const found = await findInOutbox(path, name, content, depth - 1);
      if (found) return found;
    }
  }
  return null;
}

describe('admin site', () => {
  let context;
  let tab;
  let profile;
  let jobId;
  const unique = `${Date.now()}-${randomBytes(6).toString('hex')}`;
  const fileName = `relais-web-${unique}.txt`;
  const fileContent = Buffer.from(`Relais browser test ${unique}\nline two: é ü €\n`, 'utf8');

  /** Runs a test body; on failure saves a screenshot named after the test, then rethrows. */
  function check(name, options, body) {
    if (typeof options === 'function') [options, body] = [{}, options];
    if (!env.url) options = { ...options, skip: 'RELAIS_WEB_URL is not set' };
    it(name, options, async () => {
      try {
        await body();
      } catch (err) {
        if (tab) {
          await mkdir(artifacts, { recursive: true });
          const file = join(artifacts, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase() + '.png');
          await tab.screenshot({ path: file, fullPage: true }).catch(() => {});
          err.message += `\n  page: ${tab.url()}\n  screenshot: ${file}`;
        }
        throw err;
      }
    });
  }

  before(async () => {
    if (!env.url) return;
    profile = await mkdtemp(join(tmpdir(), 'relais-web-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: env.chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    tab = context.pages()[0] ?? await context.newPage();
    tab.setDefaultTimeout(10_000);
  });

  after(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  check('an anonymous visitor is sent to the login page', async () => {
    await tab.goto(page('jobs'));
    assert.match(tab.url(), /[?&]page=login\b/);
    await tab.locator('input[name=login]').waitFor();
  });

  check('the site\'s PHP sources under app/ are not served', async () => {
    const base = env.url.endsWith('/') ? env.url : env.url + '/';
    for (const path of ['app/routes.php', 'app/pages/run.php', 'app/lib/session.php']) {
      const response = await tab.request.get(new URL(path, base).toString());
      const body = await response.text();
      assert.ok(response.status() !== 200 || body === '', `${path} answered ${response.status()} with ${body.length} bytes`);
      assert.doesNotMatch(body, /<\?php|RELAIS_WEB/);
    }
  });

  check('a wrong password shows an error and stays on the login page', async () => {
    await tab.goto(page('login'));
    await tab.fill('input[name=login]', env.login);
    await tab.fill('input[name=password]', env.password + '-wrong-' + unique);
    await tab.click('button[type=submit]');
    await tab.locator('#login-error').waitFor();
    assert.match(await tab.locator('#login-error').innerText(), /wrong login or password/i);
    assert.match(tab.url(), /[?&]page=login\b/);
    assert.equal(await tab.locator('input[name=login]').inputValue(), env.login, 'the login is kept');
    assert.equal(await tab.locator('form[action*="page=logout"]').count(), 0, 'not logged in');
  });

  check('the right password logs in and shows the job list', async () => {
    await tab.fill('input[name=login]', env.login);
    await tab.fill('input[name=password]', env.password);
    await Promise.all([tab.waitForURL(/[?&]page=jobs\b/), tab.click('button[type=submit]')]);
    await tab.locator('h1', { hasText: 'Jobs' }).waitFor();
    await tab.locator('form[action*="page=logout"]').waitFor();
  });

  check('a POST without CSRF token is refused', async () => {
    const before = await tab.request.get(page('jobs', { flow: DEMO_FLOW, limit: 500 }));
    const countBefore = ((await before.text()).match(/data-job-id=/g) ?? []).length;

    const response = await tab.request.post(page('run'), {
      multipart: {
        flow: DEMO_FLOW,
        files: { name: 'csrf-' + fileName, mimeType: 'text/plain', buffer: fileContent },
      },
      maxRedirects: 0,
    });
    assert.equal(response.status(), 403);
    assert.match(await response.text(), /CSRF/);

    const logout = await tab.request.post(page('logout'), { form: { x: '1' }, maxRedirects: 0 });
    assert.equal(logout.status(), 403, 'logout without token is refused too');

    const afterList = await tab.request.get(page('jobs', { flow: DEMO_FLOW, limit: 500 }));
    assert.equal(afterList.status(), 200, 'still logged in');
    const countAfter = ((await afterList.text()).match(/data-job-id=/g) ?? []).length;
    assert.equal(countAfter, countBefore, 'no job was queued');
  });

  check('running a flow without a file shows an error and keeps the choices', async () => {
    await tab.goto(page('run'));
    await tab.selectOption('#flow', DEMO_FLOW);
    await tab.fill('#params', 'note=kept ' + unique);
    await tab.click('#run-form button[type=submit]');
    await tab.locator('#form-errors').waitFor();
    assert.match(await tab.locator('#form-errors').innerText(), /at least one file/i);
    assert.match(tab.url(), /[?&]page=run\b/);
    assert.equal(await tab.locator('#flow').inputValue(), DEMO_FLOW);
    assert.equal(await tab.locator('#params').inputValue(), 'note=kept ' + unique);
  });

  check('uploading a file to the demo flow queues a job and opens its page', async () => {
    await tab.goto(page('run'));
    await tab.selectOption('#flow', DEMO_FLOW);
    await tab.setInputFiles('#files', { name: fileName, mimeType: 'text/plain', buffer: fileContent });
    await tab.fill('#params', 'origin=browser-test\nrun=' + unique + '\nnote=<i>not markup</i>');
    await Promise.all([tab.waitForURL(/[?&]page=job\b/), tab.click('#run-form button[type=submit]')]);

    const flash = await tab.locator('.flash-success').innerText();
    const m = flash.match(/Job #(\d+) queued/);
    assert.ok(m, `flash "Job #N queued" expected, got "${flash}"`);
    jobId = Number(m[1]);
    assert.match(tab.url(), new RegExp(`[?&]id=${jobId}\\b`));
    await tab.locator('h1', { hasText: `Job #${jobId}` }).waitFor();
    await tab.locator('#documents-table', { hasText: fileName }).waitFor();
    const params = tab.locator('table.kv');
    assert.match(await params.innerText(), /<i>not markup<\/i>/, 'parameter values are shown as text');
    assert.equal(await params.locator('i').count(), 0, 'parameter values are escaped');
  });

  check('the job succeeds', async () => {
    assert.ok(jobId, 'a job was queued');
    const deadline = Date.now() + JOB_TIMEOUT_MS;
    let status = '';
    for (;;) {
      status = await tab.locator('#job-status [data-status]').getAttribute('data-status');
      if (status === 'succeeded') break;
      if (status === 'failed' || status === 'cancelled') {
        const error = await tab.locator('.job-error').innerText().catch(() => '(no error shown)');
        assert.fail(`job #${jobId} ended ${status}: ${error}`);
      }
      if (Date.now() > deadline) assert.fail(`job #${jobId} still ${status} after ${JOB_TIMEOUT_MS / 1000} s`);
      await sleep(1000);
      await tab.goto(page('job', { id: jobId }));
    }
    await tab.locator('#steps-table').waitFor();
  });

  check('the file is in the demo outbox with the same content', { skip: !env.outbox && 'RELAIS_DEMO_OUTBOX is not set' }, async () => {
    assert.ok(jobId, 'a job was queued');
    const deadline = Date.now() + 5_000;
    let found = null;
    while (!(found = await findInOutbox(env.outbox, fileName, fileContent)) && Date.now() < deadline) {
      await sleep(500);
    }
    assert.ok(found, `${fileName} not found in ${env.outbox}`);
    assert.deepEqual(await readFile(found), fileContent);
  });

  check('the job list shows the job', async () => {
    assert.ok(jobId, 'a job was queued');
    await tab.goto(page('jobs', { flow: DEMO_FLOW }));
    const row = tab.locator(`tr[data-job-id="${jobId}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(DEMO_FLOW));
    assert.equal(await row.locator('[data-status]').getAttribute('data-status'), 'succeeded');
    await row.locator('a', { hasText: `#${jobId}` }).click();
    await tab.waitForURL(new RegExp(`[?&]id=${jobId}\\b`));
  });

  check('logging out ends the session', async () => {
    await Promise.all([tab.waitForURL(/[?&]page=login\b/), tab.click('form[action*="page=logout"] button')]);
    await tab.goto(page('jobs'));
    assert.match(tab.url(), /[?&]page=login\b/);
  });
});
