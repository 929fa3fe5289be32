// The security points of the admin site, each with its test: headers (CSP without inline
// script, X-Frame-Options, Referrer-Policy), session cookie flags and renewal at login,
// CSRF on every state-changing request (403 and nothing changed), output escaped
// everywhere, downloads by id only, lockout after failed logins, idle timeout, upload
// size limit.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  browserSuite, env, page, logIn, csrfToken, makeDocument, makeUser, makeFlow, routes, submit, waitForStatus, jobStatus, relais, unique,
} from './lib.mjs';

const XSS = '<script>alert(1)</script>';

describe('admin site security', () => {
  const suite = browserSuite(import.meta.url);
  const { check } = suite;
  let failedJob;
  let flow;

  check('every route, error page, document preview and download carries the security headers; no inline script is allowed', async (tab) => {
    await logIn(tab);
    const { job, doc } = await makeDocument('headers');
    // What a GET of each page needs to show something rather than its error page.
    const queries = { job: { id: job }, document: { id: doc }, flow: { name: 'demo-deposit' }, partner: { new: 1 } };
    const requests = Object.entries(routes()).filter(([, r]) => r.methods.includes('GET'))
      .map(([name]) => [`GET ${name}`, () => tab.request.get(page(name, queries[name] ?? {}), { maxRedirects: 0 })]);
    requests.push(
      ['download', () => tab.request.get(page('document', { id: doc, download: 1 }))],
      ['404 unknown page', () => tab.request.get(page('no-such-page'))],
      ['404 unknown job', () => tab.request.get(page('job', { id: 987654321 }))],
      ['404 unknown document', () => tab.request.get(page('document', { id: 987654321 }))],
      ['405 GET of a POST-only page', () => tab.request.get(page('job-action'))],
      ['403 POST without a CSRF token', () => tab.request.post(page('job-action'), { form: { id: String(job), action: 'retry' } })],
    );
    const statuses = {};
    for (const [name, request] of requests) {
      const response = await request();
      statuses[name] = response.status();
      const h = response.headers();
      assert.equal(h['x-frame-options'], 'DENY', name);
      assert.equal(h['referrer-policy'], 'same-origin', name);
      assert.equal(h['x-content-type-options'], 'nosniff', name);
      assert.doesNotMatch(h['content-security-policy'], /unsafe-inline|unsafe-eval/, name);
      if (name === 'download') {
        assert.match(h['content-security-policy'], /^default-src 'none'; sandbox$/, name);
      } else {
        assert.match(h['content-security-policy'], /script-src 'self'/, name);
        assert.match(h['content-security-policy'], /frame-ancestors 'none'/, name);
      }
    }
    // The error pages were what they say.
    for (const [name, status] of [['404 unknown page', 404], ['404 unknown job', 404], ['404 unknown document', 404], ['405 GET of a POST-only page', 405],
      ['403 POST without a CSRF token', 403], ['GET document', 200], ['GET job', 200], ['download', 200]]) {
      assert.equal(statuses[name], status, name);
    }
    // The static files too (webroot/assets/.htaccess), with their right types.
    for (const [file, type] of [['app.css', /^text\/css/], ['app.js', /javascript/]]) {
      const response = await tab.request.get(new URL(`assets/${file}`, page('login')).toString());
      assert.equal(response.status(), 200, file);
      const h = response.headers();
      assert.match(h['content-type'], type, file);
      assert.equal(h['x-content-type-options'], 'nosniff', file);
      assert.equal(h['x-frame-options'], 'DENY', file);
      assert.equal(h['referrer-policy'], 'same-origin', file);
      assert.equal(h['cross-origin-resource-policy'], 'same-origin', file);
      assert.match(h['content-security-policy'], /^default-src 'none'; frame-ancestors 'none'$/, file);
    }
    // And for a visitor not logged in: the login page and the redirect to it.
    await tab.context().clearCookies();
    for (const name of ['login', 'dashboard']) {
      const h = (await tab.request.get(page(name), { maxRedirects: 0 })).headers();
      assert.equal(h['x-frame-options'], 'DENY', `anonymous ${name}`);
      assert.match(h['content-security-policy'], /script-src 'self'/, `anonymous ${name}`);
    }
  });

  check('the session cookie is HttpOnly and SameSite=Lax (not Secure over plain HTTP), and renewed at login', async (tab) => {
    await tab.context().clearCookies();
    await tab.goto(page('login'));
    const before = (await tab.context().cookies()).find((c) => c.name === 'RELAISSESSID');
    assert.ok(before, 'a session cookie before login (for the CSRF token)');
    assert.equal(before.httpOnly, true);
    assert.equal(before.sameSite, 'Lax');
    assert.equal(before.secure, false);
    await logIn(tab);
    const afterLogin = (await tab.context().cookies()).find((c) => c.name === 'RELAISSESSID');
    assert.notEqual(afterLogin.value, before.value, 'a new session id at login');
    // The id planted before login is worthless now.
    await tab.context().addCookies([{ ...afterLogin, value: before.value }]);
    await tab.goto(page('dashboard'));
    assert.match(tab.url(), /[?&]page=login\b/);
  });

  check('a POST to any page without or with a wrong CSRF token is refused with 403 and changes nothing', async (tab) => {
    await logIn(tab);
    flow = await makeFlow('sec-fail', [{ activity: 'exec', with: { program: '/bin/false' } }], { description: XSS });
    failedJob = submit(flow, { partner: XSS });
    await waitForStatus(failedJob, ['failed']);
    const victim = unique('victim');
    const victimPartner = unique('VICTIM').toUpperCase();
    const viewer = makeUser('viewer', 'csrf');
    const jobsOfFlow = () => relais(['list', '--flow', flow, '--json']);
    const jobsBefore = jobsOfFlow();
    // A form that would change something for each page that takes a POST; every POST
    // route of routes.php is sent (a new one with an empty form at least).
    const forms = {
      'job-action': { form: { id: String(failedJob), action: 'retry' } },
      'jobs-bulk': { form: { action: 'cancel', confirm: '1', ids: String(failedJob) } },
      flow: { form: { do: 'enable', enabled: '0' }, query: { name: flow } },
      users: { form: { do: 'create', login: victim, password: 'victim-password', role: 'admin' } },
      partner: { form: { do: 'save', code: victimPartner, name: 'Victim', enabled: '1' }, query: { new: 1 } },
      run: { multipart: { flow, params: 'x=1', 'files[]': { name: 'csrf.txt', mimeType: 'text/plain', buffer: Buffer.from('csrf\n') } } },
      account: { form: { do: 'language', language: 'en' } },
      'login-cert': { form: {} },
      login: { form: { login: viewer.login, password: viewer.password } },
      logout: { form: {} },
    };
    const posts = Object.entries(routes()).filter(([, r]) => r.methods.includes('POST')).map(([name]) => name)
      // the session's own pages last: a logout or login that went through would show below
      .sort((a, b) => ['login', 'logout'].includes(a) - ['login', 'logout'].includes(b));
    assert.ok(posts.length >= 10, `POST routes: ${posts}`);
    for (const token of [undefined, 'wrong-' + unique('t')]) {
      for (const name of posts) {
        const { form, multipart, query } = forms[name] ?? { form: {} };
        const extra = token === undefined ? {} : { _csrf: token };
        const body = multipart ? { multipart: { ...multipart, ...extra } } : { form: { ...form, ...extra } };
        const response = await tab.request.post(page(name, query ?? {}), { ...body, maxRedirects: 0 });
        assert.equal(response.status(), 403, `${name} with token ${token}`);
        // The login form says it had expired, in the words of that page.
        assert.match(await response.text(), name === 'login' ? /formulaire de connexion avait expiré/ : /CSRF/, name);
      }
    }
    assert.equal(jobStatus(failedJob), 'failed', 'the job was not retried');
    assert.match(relais(['flows', 'list']), new RegExp(`${flow}.*enabled`), 'the flow is still enabled');
    assert.doesNotMatch(relais(['users', 'list']), new RegExp(victim), 'no user was created');
    assert.equal((await tab.request.get(page('partner', { code: victimPartner }))).status(), 404, 'no partner was created');
    assert.equal(jobsOfFlow(), jobsBefore, 'no job was queued');
    await tab.goto(page('users'));
    assert.doesNotMatch(tab.url(), /page=login/, 'still logged in: no logout, no login as the viewer');
    assert.equal(await tab.getAttribute('html', 'lang'), 'fr', 'the language is unchanged');
    await tab.locator('form[action*="page=logout"]').waitFor();
    // The same POST with the token goes through: the refusal was the token's.
    await tab.goto(page('job', { id: failedJob }));
    const ok = await tab.request.post(page('job-action'), { form: { id: String(failedJob), action: 'retry', _csrf: await csrfToken(tab) }, maxRedirects: 0 });
    assert.equal(ok.status(), 303);
    await waitForStatus(failedJob, ['failed']);
  });

  check('markup in a flow description, a partner name and a document name is shown as text everywhere', async (tab) => {
    const docName = '<img src=x onerror=alert(2)>.txt';
    suite.dialogs = 0;
    await tab.goto(page('run'));
    await tab.selectOption('#flow', flow);
    await tab.setInputFiles('#files', { name: docName, mimeType: 'text/plain', buffer: Buffer.from('hello\n') });
    await tab.fill('#params', `partner=${XSS}`);
    await Promise.all([tab.waitForURL(/[?&]page=job\b/), tab.click('#run-form button[type=submit]')]);
    await tab.locator('#documents-table td.docname', { hasText: docName }).waitFor();
    const uploaded = Number(new URL(tab.url()).searchParams.get('id'));
    for (const [name, query] of [['flows', {}], ['flow', { name: flow }], ['run', {}], ['jobs', { flow }], ['job', { id: failedJob }], ['job', { id: uploaded }], ['dashboard', {}]]) {
      await tab.goto(page(name, query));
      const html = await tab.content();
      assert.doesNotMatch(html, /<script>alert\(1\)<\/script>/, `${name}: raw markup in the page`);
      if (name !== 'dashboard' && name !== 'run') {
        assert.ok((await tab.locator(`text=${XSS}`).count()) > 0, `${name}: the text is shown`);
      }
    }
    assert.equal(suite.dialogs, 0, 'no injected script ran');
  });

  check('documents are downloaded by id only: no path is taken, an unknown id is 404', async (tab) => {
    for (const query of [{ id: '../../etc/passwd', download: 1 }, { id: 987654321, download: 1 }, { path: '/etc/passwd', download: 1 }]) {
      const response = await tab.request.get(page('document', query));
      assert.equal(response.status(), 404, JSON.stringify(query));
      assert.doesNotMatch(await response.text(), /root:x:0:0/);
    }
  });

  check('repeated wrong passwords lock the account; the right one is refused until an admin unlocks it', async (tab) => {
    const user = makeUser('operator', 'locked');
    await tab.context().clearCookies();
    for (let i = 1; i <= 5; i++) {
      await tab.goto(page('login'));
      await tab.fill('#login', user.login);
      await tab.fill('#password', 'wrong-password-' + i);
      await tab.click('#login-form button[type=submit]');
      await tab.locator('#login-error').waitFor();
    }
    assert.match(await tab.locator('#login-error').innerText(), /verrouillé/);
    await tab.fill('#login', user.login);
    await tab.fill('#password', user.password);
    await tab.click('#login-form button[type=submit]');
    await tab.locator('#login-error', { hasText: 'verrouillé' }).waitFor();

    await logIn(tab);
    await tab.goto(page('users'));
    const row = tab.locator(`tr[data-login="${user.login}"]`);
    await row.locator('button', { hasText: 'Déverrouiller' }).click();
    await tab.locator('.flash-success', { hasText: 'déverrouillé' }).waitFor();
    await logIn(tab, user.login, user.password);
    assert.doesNotMatch(tab.url(), /page=login/);

    await logIn(tab);
    await tab.goto(page('audit', { login: user.login }));
    const actions = await tab.locator('#audit-table tr[data-action]').evaluateAll((rows) => rows.map((r) => r.dataset.action));
    for (const action of ['login.failed', 'login.locked', 'login']) assert.ok(actions.includes(action), `${action} in ${actions}`);
  });

  check('a session left idle longer than [web] session_idle_minutes ends', { skip: !process.env.RELAIS_WEB_SESSIONS && 'RELAIS_WEB_SESSIONS is not set' }, async (tab) => {
    await logIn(tab);
    const id = (await tab.context().cookies()).find((c) => c.name === 'RELAISSESSID').value;
    const file = join(process.env.RELAIS_WEB_SESSIONS, 'sess_' + decodeURIComponent(id));
    // As if the last request had come two hours ago.
    await writeFile(file, (await readFile(file, 'utf8')).replace(/seen\|i:\d+;/, `seen|i:${Math.floor(Date.now() / 1000) - 7200};`));
    await tab.goto(page('dashboard'));
    assert.match(tab.url(), /[?&]page=login\b/);
    await tab.locator('.flash-info', { hasText: 'inactivité' }).waitFor();
    assert.ok((await readdir(process.env.RELAIS_WEB_SESSIONS)).length > 0);
  });

  check('the system page lists the prerequisites and shows the settings with the database password masked', async (tab) => {
    await logIn(tab);
    await tab.goto(page('system'));
    const modules = await tab.locator('#php-modules tbody th').allInnerTexts();
    for (const m of ['XML', 'XSL', 'MySQL', 'CURL', 'DOM', 'GD', 'MBSTRING', 'LDAP', 'SOAP', 'PDO', 'PDO_ODBC']) assert.ok(modules.includes(m), `${m} in ${modules}`);
    await tab.locator('#core-checks tr', { hasText: 'InnoDB' }).locator('.level-ok').waitFor();
    await tab.locator('#core-checks tr', { hasText: 'sql_mode' }).waitFor();
    assert.equal(await tab.locator('#core-checks tr', { hasText: 'free disk' }).count(), 2);
    const ini = await readFile(env.config, 'utf8');
    const password = ini.match(/dsn\s*=\s*mariadb:\/\/[^:]+:([^@]+)@/)[1];
    const config = await tab.locator('#config-table').innerText();
    assert.match(config, /\[database\] dsn\s+mariadb:\/\/[^:]+:\*\*\*@/);
    assert.ok(!config.includes(password) && !(await tab.content()).includes(password), 'the password is nowhere on the page');
    assert.match(config, /\[web\] session_idle_minutes\s+30/);
  });

  check('an upload larger than post_max_size is refused with 413 and queues nothing', async (tab) => {
    await logIn(tab);
    await tab.goto(page('run'));
    const token = await csrfToken(tab);
    const before = relais(['list', '--flow', 'demo-deposit', '--limit', '1']);
    const big = Buffer.alloc(71 * 1024 * 1024, 'a');
    const response = await tab.request.post(page('run'), {
      multipart: { _csrf: token, flow: 'demo-deposit', 'files[]': { name: 'big.txt', mimeType: 'text/plain', buffer: big } },
      maxRedirects: 0, timeout: 60_000,
    });
    assert.equal(response.status(), 413);
    assert.equal(relais(['list', '--flow', 'demo-deposit', '--limit', '1']), before, 'no job was queued');
  });
});
