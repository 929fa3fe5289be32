// Login by CPS card over HTTPS: Apache asks for a client certificate (SSLVerifyClient
// optional) and hands it to the site, which logs in the user it is bound to. Also the
// Secure cookie and HSTS under TLS.
//
// Env (from tests/run.sh): RELAIS_WEB_TLS_URL (https://127.0.0.1:PORT/), RELAIS_WEB_PKI
// (the test PKI: ca.pem, card.pem/.key signed by it, stranger.pem/.key signed by nobody).
import { describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { browserSuite, env, page, logIn, makeUser } from './lib.mjs';

const tlsUrl = process.env.RELAIS_WEB_TLS_URL;
const pki = process.env.RELAIS_WEB_PKI;
const skipTls = !tlsUrl || !pki ? 'RELAIS_WEB_TLS_URL or RELAIS_WEB_PKI is not set' : false;

/** URL of a page on the HTTPS listener. */
function tlsPage(name, query = {}) {
  const u = new URL(page(name, query));
  const t = new URL(tlsUrl);
  u.protocol = t.protocol;
  u.host = t.host;
  return u.toString();
}

/** Subject (RFC 2253) and serial (hex) of a PEM certificate, as Apache gives them. */
function certificateFacts(file) {
  const out = execFileSync('openssl', ['x509', '-in', file, '-noout', '-serial', '-subject', '-nameopt', 'RFC2253'], { encoding: 'utf8' });
  return { serial: out.match(/serial=(\S+)/)[1], subject: out.match(/subject=(.+)/)[1].trim() };
}

/** Unbinds the card from whoever has it (an earlier run on the same database), on the Users page. */
async function unbindCard(tab, subject) {
  await logIn(tab);
  await tab.goto(page('users'));
  const rows = await tab.locator('#users-table tr[data-login]').all();
  for (const row of rows) {
    if ((await row.locator('input[name=subject]').inputValue()) === subject) {
      await row.locator('input[name=subject]').fill('');
      await row.locator('input[name=serial]').fill('');
      await Promise.all([tab.waitForURL(/page=users/), row.locator('.cert-form button').click()]);
      return unbindCard(tab, subject);
    }
  }
}

describe('login by CPS card', { skip: skipTls }, () => {
  const { check } = browserSuite(import.meta.url);
  let browser;
  const contexts = {};
  let user;

  before(async () => {
    if (skipTls || !env.url) return;
    browser = await chromium.launch({ executablePath: env.chromium, args: ['--headless', '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const origin = new URL(tlsUrl).origin;
    for (const name of ['card', 'stranger']) {
      contexts[name] = await browser.newContext({
        ignoreHTTPSErrors: true,
        clientCertificates: [{ origin, certPath: join(pki, `${name}.pem`), keyPath: join(pki, `${name}.key`) }],
      });
    }
    contexts.none = await browser.newContext({ ignoreHTTPSErrors: true });
  });

  after(async () => { await browser?.close(); });

  check('over HTTPS the session cookie is Secure and HSTS is sent; without a card there is no card login', async () => {
    const tab = await contexts.none.newPage();
    const response = await tab.goto(tlsPage('login'));
    assert.match(response.headers()['strict-transport-security'] ?? '', /max-age=\d+/);
    const cookie = (await contexts.none.cookies()).find((c) => c.name === 'RELAISSESSID');
    assert.equal(cookie.secure, true);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(await tab.locator('#cert-login').count(), 0);
    await tab.close();
  });

  check('a card bound to no user is offered but refused, and the refusal audited', async (admin) => {
    const facts = certificateFacts(join(pki, 'card.pem'));
    await unbindCard(admin, facts.subject);
    const tab = await contexts.card.newPage();
    await tab.goto(tlsPage('login'));
    assert.match(await tab.locator('#cert-login').innerText(), new RegExp(facts.subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const response = await Promise.all([tab.waitForResponse((r) => r.url().includes('page=login-cert')), tab.click('#cert-login button')]);
    assert.equal(response[0].status(), 403);
    await tab.locator('h1', { hasText: 'Certificat inconnu' }).waitFor();
    await tab.close();
    await admin.goto(page('audit', { login: `cert:${facts.serial}` }));
    await admin.locator('#audit-table tr[data-action="login.failed"]').first().waitFor();
  });

  check('an admin binds the card to a user on the Users page; the card then logs that user in', async (tab) => {
    user = makeUser('operator', 'cps');
    const facts = certificateFacts(join(pki, 'card.pem'));
    await logIn(tab);
    await tab.goto(page('users'));
    const row = tab.locator(`tr[data-login="${user.login}"]`);
    await row.locator('input[name=subject]').fill(facts.subject);
    await row.locator('input[name=serial]').fill(facts.serial.toLowerCase());
    await Promise.all([tab.waitForURL(/page=users/), row.locator('.cert-form button').click()]);
    await tab.locator('.flash-success', { hasText: 'Certificat associé' }).waitFor();

    const card = await contexts.card.newPage();
    await card.goto(tlsPage('login'));
    await Promise.all([card.waitForURL(/page=dashboard/), card.click('#cert-login button')]);
    assert.match(await card.locator('.userbox .user').innerText(), new RegExp(user.login));
    await card.close();

    await tab.goto(page('audit', { login: user.login }));
    await tab.locator('#audit-table tr[data-action="login"] td', { hasText: `certificate ${facts.serial}` }).waitFor();
  });

  check('a certificate from an authority Apache does not trust logs nobody in', async () => {
    const tab = await contexts.stranger.newPage();
    let response = null;
    try {
      response = await tab.goto(tlsPage('login'), { timeout: 10_000 });
    } catch {
      // Apache ended the handshake (SSLVerifyClient optional refuses a certificate that
      // does not verify): a refusal too.
    }
    if (response && response.ok()) {
      assert.equal(await tab.locator('#cert-login').count(), 0, 'no card login offered');
      const token = await tab.locator('input[name=_csrf]').first().inputValue();
      const post = await tab.request.post(tlsPage('login-cert'), { form: { _csrf: token }, maxRedirects: 0 });
      assert.equal(post.status(), 401);
    } else {
      assert.doesNotMatch(tab.url(), /page=dashboard/);
    }
    await tab.close();
  });
});
