// The SOAP services' pages (Services web): the PA dossiers list and a dossier read-only
// (a name with markup shown as text, the filter, an unknown dossier), and the partner
// applications page: an administrator adds an application, makes its secret (shown
// once), binds and removes a client certificate (its SHA-256 fingerprint shown),
// disables it and removes it; a name the core refuses is shown with nothing saved;
// without the CSRF token, or as an operator or a viewer, a POST is 403 and changes nothing.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { browserSuite, page, logIn, csrfToken, makeUser, unique, env } from './lib.mjs';

const extension = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'modules', 'relais.so');

/** Runs PHP code with the extension on the site's configuration; returns its output. */
function php(code, ...args) {
  return execFileSync('php', ['-d', `extension=${extension}`, '-r', code, '--', ...args],
    { encoding: 'utf8', env: { ...process.env, RELAIS_CONFIG: env.config } });
}

/** The applications as the core has them: {name: application}. */
function applications() {
  const list = JSON.parse(php('echo json_encode((new Relais\\Ws\\Directory(new Relais\\Client()))->applications());'));
  return Object.fromEntries(list.map((a) => [a.name, a]));
}

/** A dossier created through the PA service by an application of its own; returns its id. */
function makeDossier(birthName) {
  return Number(php(`
    [, $app, $name] = $argv;
    $client = new Relais\\Client();
    $dir = new Relais\\Ws\\Directory($client);
    $dir->saveApplication($app, ['pa'], $app);
    $service = new Relais\\Ws\\PaService($client, ['tls' => true, 'username' => $app, 'password' => $dir->newApplicationSecret($app)]);
    $r = $service->CreerDossierPA(json_decode(json_encode(['CreationDossier' => ['IdLocal' => 'usager-web', 'Demandeur' => [
        'Civilite' => ['Code' => 'MME'], 'NomNaissance' => $name, 'Prenom' => 'Hélène', 'DateNaissance' => '1938-04-12',
        'Mail' => 'helene@example.fr', 'Adresse' => ['NumeroVoie' => '12', 'TypeVoie' => 'rue', 'LibelleVoie' => 'des Lilas',
            'CodePostal' => ['Code' => '69003'], 'Localite' => ['Code' => '69383', 'DisplayName' => 'Lyon 3e']]]]])));
    echo $r['Response']['IdDossier'] ?? 'none: ' . json_encode($r);`, unique('web-pa'), birthName));
}

/** A self-signed certificate: {file, sha256} (the fingerprint as the page shows it). */
async function certificate(dir) {
  const file = join(dir, 'app.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', join(dir, 'app.key'), '-out', file, '-days', '30', '-subj', '/C=FR/O=Relais tests/CN=application web'], { stdio: 'ignore' });
  const out = execFileSync('openssl', ['x509', '-in', file, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' });
  return { file, sha256: out.split('=')[1].trim().replaceAll(':', '').toLowerCase() };
}

/** POSTs a form of the applications page with the page's own cookie; returns the HTTP status. */
async function post(tab, form) {
  const response = await tab.request.post(page('applications'), { form, maxRedirects: 0 });
  return response.status();
}

describe('web services pages', () => {
  const suite = browserSuite(import.meta.url);
  const { check } = suite;
  const markup = `<img src=x onerror=alert(1)>Dupré-${randomBytes(3).toString('hex')}`;  // 50 characters at most
  const app = unique('portail');

  check('the PA dossiers list and a dossier page show a name with markup as text, filter by it, and 404 an unknown dossier', async (tab) => {
    const id = makeDossier(markup);
    assert.ok(id > 0, 'the dossier was created');
    const viewer = makeUser('viewer', 'ws-viewer');
    await logIn(tab, viewer.login, viewer.password);
    suite.dialogs = 0;
    await tab.goto(page('dossiers'));
    await tab.fill('#q', markup);
    await Promise.all([tab.waitForURL(/q=/), tab.click('form[role=search] button[type=submit]')]);
    const rows = tab.locator('#dossiers-table tbody tr');
    assert.equal(await rows.count(), 1, 'the filter finds this dossier only');
    assert.equal(await rows.first().getAttribute('data-dossier'), String(id));
    assert.match(await rows.first().innerText(), /Hélène/);
    assert.ok((await tab.locator('#dossiers-table td', { hasText: markup }).count()) === 1, 'the name shown as text');
    await Promise.all([tab.waitForURL(/page=dossier\b/), tab.click(`tr[data-dossier="${id}"] a`)]);
    const text = await tab.locator('main').innerText();
    assert.ok(text.includes(markup) && text.includes('Lyon 3e'), 'the dossier page shows the applicant');
    assert.equal(await tab.locator('main form, main input, main button').count(), 0, 'read-only');
    assert.equal(await tab.locator('img[src=x]').count(), 0, 'no markup made it into the page');
    assert.equal(suite.dialogs, 0, 'no injected script ran');
    const unknown = await tab.goto(page('dossier', { id: 999999999 }));
    assert.equal(unknown.status(), 404);
  });

  check('an administrator adds an application, makes its secret (shown once), binds and removes a certificate, disables and removes it', async (tab) => {
    await logIn(tab);
    await tab.goto(page('applications'));
    await tab.fill('#app-name', app);
    await tab.check('input[name="services[]"][value=pa]');
    await tab.check('input[name="services[]"][value=exchange]');
    await tab.fill('#app-user', `${app}-user`);
    await Promise.all([tab.waitForURL(/page=applications/), tab.click('#application-form button[value=save]')]);
    await tab.locator('.flash-success', { hasText: app }).waitFor();
    const row = tab.locator(`tr[data-application="${app}"]`);
    assert.match(await row.innerText(), /\/ws\/pa.*\/ws\/exchange/s);
    assert.deepEqual(applications()[app].services, ['pa', 'exchange']);
    assert.equal(applications()[app].has_secret, false);

    await Promise.all([tab.waitForURL(/page=applications/), row.locator('button[value=secret]').click()]);
    const flash = await tab.locator('.flash-info', { hasText: app }).innerText();
    const secret = flash.match(/\b([0-9a-f]{36})\b/)?.[1];
    assert.ok(secret, `the secret is shown: ${flash}`);
    assert.equal(applications()[app].has_secret, true);
    await tab.reload();
    assert.ok(!(await tab.content()).includes(secret), 'the secret is not shown again');
    // The secret proves the application to the PA service.
    assert.equal(php(`[, $user, $secret] = $argv;
      $s = new Relais\\Ws\\PaService(new Relais\\Client(), ['tls' => true, 'username' => $user, 'password' => $secret]);
      echo $s->GenererJetonSecuritePA((object)[])['Response']['CodeRetour']['Code'];`, `${app}-user`, secret), '200', 'known application (200: no dossier given)');

    const dir = await mkdtemp(join(tmpdir(), 'relais-web-app-'));
    try {
      const cert = await certificate(dir);
      await row.locator('input[type=file]').setInputFiles(cert.file);
      await Promise.all([tab.waitForURL(/page=applications/), row.locator('button[value=certificate]').click()]);
      await tab.locator('.flash-success', { hasText: app }).waitFor();
      assert.equal((await row.locator('code.small').innerText()).trim(), cert.sha256, 'the fingerprint is shown');
      assert.equal(applications()[app].cert_sha256, cert.sha256);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await Promise.all([tab.waitForURL(/page=applications/), row.locator('button[value=remove-certificate]').click()]);
    assert.equal(applications()[app].cert_sha256, null);

    // Its name in the list fills the form: disabled, the rest is kept.
    await Promise.all([tab.waitForURL(/edit=/), row.locator('a').first().click()]);
    assert.equal(await tab.locator('#app-user').inputValue(), `${app}-user`);
    assert.ok(await tab.locator('input[name="services[]"][value=exchange]').isChecked());
    await tab.selectOption('#app-enabled', '0');
    await Promise.all([tab.waitForURL(/page=applications/), tab.click('#application-form button[value=save]')]);
    await tab.locator('.flash-success', { hasText: app }).waitFor();
    assert.equal(applications()[app].enabled, false);
    assert.equal(applications()[app].has_secret, true, 'the same user name keeps its secret');
    assert.match(await row.locator('.badge-cancelled').innerText(), /désactivé|disabled/);

    await Promise.all([tab.waitForURL(/page=applications/), row.locator('button[value=remove]').click()]);
    await tab.locator('.flash-success', { hasText: app }).waitFor();
    assert.equal(await row.count(), 0);
    assert.equal(applications()[app], undefined);
  });

  check('a name the core refuses is shown next to the form and nothing is saved', async (tab) => {
    await logIn(tab);
    await tab.goto(page('applications'));
    const bad = `${unique('bad')} nom`;
    // The browser's own pattern check would stop the form: the server's is the one tested.
    await tab.evaluate(() => document.querySelector('#app-name').removeAttribute('pattern'));
    await tab.fill('#app-name', bad);
    await tab.check('input[name="services[]"][value=pa]');
    const [response] = await Promise.all([tab.waitForResponse((r) => r.request().method() === 'POST'),
      tab.click('#application-form button[value=save]')]);
    assert.equal(response.status(), 422);
    assert.match(await tab.locator('.flash-error').first().innerText(), /letters, digits|lettres/);
    assert.equal(applications()[bad], undefined);
  });

  check('without the CSRF token, or as an operator or a viewer, a POST is 403 and changes nothing', async (tab) => {
    const victim = unique('victime');
    php('(new Relais\\Ws\\Directory(new Relais\\Client()))->saveApplication($argv[1], ["pa"], $argv[1]);', victim);
    await logIn(tab);
    await tab.goto(page('applications'));
    const token = await csrfToken(tab);
    assert.equal(await post(tab, { do: 'remove', name: victim }), 403, 'no token');
    assert.equal(await post(tab, { _csrf: 'x'.repeat(token.length), do: 'remove', name: victim }), 403, 'a wrong token');
    for (const role of ['operator', 'viewer']) {
      const user = makeUser(role, `ws-${role}`);
      await logIn(tab, user.login, user.password);
      await tab.goto(page('applications'));
      assert.ok((await tab.locator(`tr[data-application="${victim}"]`).count()) === 1, `${role} sees the list`);
      assert.equal(await tab.locator('#application-form').count(), 0, `${role} gets no form`);
      assert.equal(await tab.locator('#applications-table button').count(), 0, `${role} gets no action`);
      const own = await csrfToken(tab);
      assert.ok(own, `${role} has a session token (the logout form)`);
      for (const form of [{ do: 'remove', name: victim }, { do: 'secret', name: victim },
        { do: 'save', name: victim, 'services[]': 'exchange', enabled: '0' }]) {
        assert.equal(await post(tab, { _csrf: own, ...form }), 403, `${role}: ${form.do}`);
      }
    }
    const after = applications()[victim];
    assert.ok(after, 'still there');
    assert.deepEqual([after.services, after.enabled, after.has_secret], [['pa'], true, false], 'unchanged');
  });
});
