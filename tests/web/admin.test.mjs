// The main path through the admin site (webroot/): log in, run the demo flow with an
// uploaded file and watch its job reach `succeeded` without reloading, find the file in
// the demo outbox, see it in the job list and on the dashboard, log out.
//
// Run: node --test tests/web/   (environment: see lib.mjs)
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { browserSuite, env, page, logIn, sleep } from './lib.mjs';

const DEMO_FLOW = 'demo-deposit';

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

describe('admin site: log in, run a flow, watch its job', () => {
  const { check } = browserSuite(import.meta.url);
  const unique = `${Date.now()}-${randomBytes(6).toString('hex')}`;
  const fileName = `relais-web-${unique}.txt`;
  const fileContent = Buffer.from(`Relais browser test ${unique}\nline two: é ü €\n`, 'utf8');
  let jobId;

  check('an anonymous visitor is sent to the login page, in French', async (tab) => {
    await tab.context().clearCookies();
    await tab.goto(page('jobs'));
    assert.match(tab.url(), /[?&]page=login\b/);
    assert.equal(await tab.getAttribute('html', 'lang'), 'fr');
    await tab.locator('h1', { hasText: 'Connexion' }).waitFor();
  });

  check('the site\'s PHP sources under app/ are not served', async (tab) => {
    const base = env.url.endsWith('/') ? env.url : env.url + '/';
    for (const path of ['app/routes.php', 'app/pages/run.php', 'app/lib/session.php', 'app/lang/fr.php']) {
      const response = await tab.request.get(new URL(path, base).toString());
      const body = await response.text();
      assert.ok(response.status() !== 200 || body === '', `${path} answered ${response.status()} with ${body.length} bytes`);
      assert.doesNotMatch(body, /<\?php|RELAIS_WEB/);
    }
  });

  check('a wrong password shows an error and stays on the login page', async (tab) => {
    await tab.goto(page('login'));
    await tab.fill('#login', env.login);
    await tab.fill('#password', env.password + '-wrong-' + unique);
    await tab.click('#login-form button[type=submit]');
    await tab.locator('#login-error').waitFor();
    assert.match(await tab.locator('#login-error').innerText(), /identifiant ou mot de passe incorrect/i);
    assert.match(tab.url(), /[?&]page=login\b/);
    assert.equal(await tab.locator('#login').inputValue(), env.login, 'the login is kept');
    assert.equal(await tab.locator('form[action*="page=logout"]').count(), 0, 'not logged in');
  });

  check('the right password logs in and goes to the page asked for before', async (tab) => {
    await tab.fill('#login', env.login);
    await tab.fill('#password', env.password);
    await Promise.all([tab.waitForURL(/[?&]page=jobs\b/), tab.click('#login-form button[type=submit]')]);
    await tab.locator('h1', { hasText: 'Traitements' }).waitFor();
    await tab.goto(page('dashboard'));
    await tab.locator('h1', { hasText: 'Tableau de bord' }).waitFor();
    await tab.locator('form[action*="page=logout"]').waitFor();
    await tab.locator('svg.chart').waitFor();
  });

  check('running a flow without a file shows an error and keeps the choices', async (tab) => {
    await tab.goto(page('run'));
    await tab.selectOption('#flow', DEMO_FLOW);
    await tab.fill('#params', 'note=kept ' + unique);
    await tab.click('#run-form button[type=submit]');
    await tab.locator('#form-errors').waitFor();
    assert.match(await tab.locator('#form-errors').innerText(), /au moins un fichier/i);
    assert.equal(await tab.locator('#flow').inputValue(), DEMO_FLOW);
    assert.equal(await tab.locator('#params').inputValue(), 'note=kept ' + unique);
  });

  check('uploading a file queues a job and opens its page, which reaches succeeded by itself', async (tab) => {
    await tab.goto(page('run'));
    await tab.selectOption('#flow', DEMO_FLOW);
    await tab.setInputFiles('#files', { name: fileName, mimeType: 'text/plain', buffer: fileContent });
    await tab.fill('#params', 'origin=browser-test\nrun=' + unique + '\nnote=<i>not markup</i>');
    await Promise.all([tab.waitForURL(/[?&]page=job\b/), tab.click('#run-form button[type=submit]')]);

    const flash = await tab.locator('.flash-success').innerText();
    const m = flash.match(/Traitement n° (\d+) mis en file/);
    assert.ok(m, `flash "Traitement n° N mis en file" expected, got "${flash}"`);
    jobId = Number(m[1]);
    assert.match(tab.url(), new RegExp(`[?&]id=${jobId}\\b`));
    await tab.locator('#documents-table', { hasText: fileName }).waitFor();
    const params = tab.locator('table.kv');
    assert.match(await params.innerText(), /<i>not markup<\/i>/, 'parameter values are shown as text');
    assert.equal(await params.locator('i').count(), 0, 'parameter values are escaped');

    // No reload: the page's own refresh brings the new status.
    let navigations = 0;
    tab.on('framenavigated', () => { navigations++; });
    await tab.locator('#job-status [data-status="succeeded"]').waitFor({ timeout: 30_000 });
    assert.equal(navigations, 0, 'the page was not reloaded');
    await tab.locator('#steps-attempt-1 .step-succeeded').waitFor();
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

  check('the job list shows the job, found by its document name', async (tab) => {
    assert.ok(jobId, 'a job was queued');
    await tab.goto(page('jobs', { flow: DEMO_FLOW, text: fileName.slice(0, 24) }));
    const row = tab.locator(`tr[data-job-id="${jobId}"]`);
    await row.waitFor();
    assert.equal(await tab.locator('tr[data-job-id]').count(), 1);
    assert.equal(await row.locator('[data-status]').getAttribute('data-status'), 'succeeded');
    await row.locator('a', { hasText: `#${jobId}` }).click();
    await tab.waitForURL(new RegExp(`[?&]id=${jobId}\\b`));
  });

  check('the document shows inline and downloads as an attachment', async (tab) => {
    await tab.goto(page('job', { id: jobId }));
    await tab.locator('#documents-table a', { hasText: 'Aperçu' }).first().click();
    await tab.locator('#preview li', { hasText: 'line two: é ü €' }).waitFor();
    const href = await tab.locator('a[download]').first().getAttribute('href');
    const response = await tab.request.get(new URL(href, tab.url()).toString());
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-disposition'], new RegExp(`attachment; filename="${fileName}"`));
    assert.equal(response.headers()['content-type'], 'application/octet-stream');
    assert.deepEqual(await response.body(), fileContent);
  });

  check('logging out ends the session', async (tab) => {
    await tab.goto(page('dashboard'));
    await Promise.all([tab.waitForURL(/[?&]page=login\b/), tab.click('form[action*="page=logout"] button')]);
    await tab.locator('.flash-info', { hasText: 'déconnecté' }).waitFor();
    await tab.goto(page('jobs'));
    assert.match(tab.url(), /[?&]page=login\b/);
    // The session is gone on the server too: the old form's POST is refused.
    const response = await tab.request.post(page('job-action'), { form: { id: String(jobId), action: 'retry' }, maxRedirects: 0 });
    assert.equal(response.status(), 403);
  });
});
