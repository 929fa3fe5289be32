// Partners: create with identifiers checked (errors next to the fields), contacts,
// EDIFACT settings (errors next to the fields; saved ones drive the core's writer),
// a certificate upload whose expiry is shown with a warning 30 days ahead (partner page,
// list, dashboard), disable; a partner named with markup is shown as text; operators
// edit partners, viewers cannot.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSuite, page, logIn, csrfToken, makeUser, relais, unique } from './lib.mjs';

/** A self-signed certificate for `cn` valid `days` days, as PEM bytes (openssl CLI). */
async function certificate(cn, days) {
  const dir = await mkdtemp(join(tmpdir(), 'relais-web-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', String(days), '-subj', `/C=FR/O=Relais tests/CN=${cn}`],
  { stdio: 'ignore' });
  const pem = await readFile(join(dir, 'cert.pem'));
  await rm(dir, { recursive: true, force: true });
  return pem;
}

/** A valid GLN no other run uses: 12 random digits and their GS1 check digit. */
function uniqueGln() {
  const digits = Array.from({ length: 12 }, () => Math.floor(Math.random() * 10));
  const sum = digits.reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return digits.join('') + String((10 - (sum % 10)) % 10);
}

describe('partners', () => {
  const suite = browserSuite(import.meta.url);
  const { check } = suite;
  const code = unique('ACME').toUpperCase();
  const name = '<script>alert(1)</script> Distribution';
  const gln = uniqueGln();
  const badGln = gln.slice(0, 12) + String((Number(gln[12]) + 1) % 10);

  check('an operator creates a partner: wrong GLN, SIRET and e-mail are shown next to their fields, nothing is saved', async (tab) => {
    const operator = makeUser('operator', 'partner-op');
    await logIn(tab, operator.login, operator.password);
    await tab.goto(page('partners'));
    await Promise.all([tab.waitForURL(/page=partner\b/), tab.click('a[href*="page=partner&new=1"]')]);
    await tab.fill('#code', code);
    await tab.fill('#name', name);
    await tab.fill('#gln', badGln);
    await tab.fill('#siret', '73282932000075');
    await tab.fill('input[name="contacts[0][name]"]', 'Alice Martin');
    await tab.fill('input[name="contacts[0][email]"]', 'alice@acme');
    await tab.click('button[value=save]');
    await tab.locator('#partner-errors').waitFor();
    for (const [field, input, text] of [['gln', '#gln', 'check digit'], ['siret', '#siret', 'Luhn'], ['contacts[0].email', 'input[name="contacts[0][email]"]', 'e-mail']]) {
      const error = tab.locator(`.field-error[data-field="${field}"]`);
      assert.match(await error.innerText(), new RegExp(text));
      assert.equal(await tab.locator(input).getAttribute('aria-describedby'), await error.getAttribute('id'), `${field} is tied to its input`);
    }
    assert.equal(await tab.locator('#name').inputValue(), name, 'the form keeps what was typed');
    const list = await tab.request.get(page('partners'));
    assert.doesNotMatch(await list.text(), new RegExp(code), 'nothing saved');
  });

  check('fixed, the partner is saved with its contact; its markup name is shown as text', async (tab) => {
    await tab.fill('#gln', gln);
    await tab.fill('#siret', '732 829 320 00074');
    await tab.fill('input[name="contacts[0][email]"]', 'alice@acme.fr');
    await tab.fill('input[name="contacts[0][phone]"]', '+33 1 23 45 67 89');
    await Promise.all([tab.waitForURL(new RegExp(`code=${code}`)), tab.click('button[value=save]')]);
    await tab.locator('.flash-success', { hasText: 'enregistré' }).waitFor();
    assert.equal(await tab.locator('#siret').inputValue(), '73282932000074');
    assert.equal(await tab.locator('input[name="contacts[0][email]"]').inputValue(), 'alice@acme.fr');
    suite.dialogs = 0;
    for (const [p, q] of [['partner', { code }], ['partners', {}]]) {
      await tab.goto(page(p, q));
      assert.ok((await tab.locator(`text=${name}`).count()) > 0, `${p} shows the name as text`);
      assert.doesNotMatch(await tab.content(), /<script>alert\(1\)<\/script>/);
    }
    assert.equal(suite.dialogs, 0, 'no injected script ran');
  });

  check('its EDIFACT settings: repeated separators and a bad qualifier are shown next to their fields, nothing saved; fixed, they are kept and the core writes with them', async (tab) => {
    await tab.goto(page('partner', { code }));
    assert.match(await tab.locator('#edifact-recipient').innerText(), new RegExp(`GLN ${gln}.*défaut`));
    assert.equal(await tab.locator('#syntax_level').inputValue(), 'UNOC');
    await tab.selectOption('#syntax_level', 'UNOA');
    await tab.fill('#separators', "::.? '");
    await tab.fill('#unb_qualifier', '1 4');
    await tab.click('button[value=edifact]');
    await tab.locator('#edifact-errors').waitFor();
    for (const [field, input, text] of [['separators', '#separators', 'given for two service characters'], ['unb_qualifier', '#unb_qualifier', 'letters or digits']]) {
      const error = tab.locator(`.field-error[data-field="${field}"]`);
      assert.match(await error.innerText(), new RegExp(text));
      assert.equal(await tab.locator(input).getAttribute('aria-describedby'), await error.getAttribute('id'), `${field} is tied to its input`);
    }
    assert.equal(await tab.locator('#separators').inputValue(), "::.? '", 'the form keeps what was typed');
    await tab.goto(page('partner', { code }));
    assert.equal(await tab.locator('#syntax_level').inputValue(), 'UNOC', 'nothing saved');

    await tab.selectOption('#syntax_level', 'UNOA');
    await tab.fill('#separators', ':*,? ~');
    await tab.check('#edifact-test');
    await tab.fill('#unb_id', 'VAN-42');
    await tab.fill('#unb_qualifier', 'ZZZ');
    await Promise.all([tab.waitForURL(new RegExp(`code=${code}`)), tab.click('button[value=edifact]')]);
    await tab.locator('.flash-success', { hasText: 'EDIFACT' }).waitFor();
    await tab.reload();
    assert.equal(await tab.locator('#syntax_level').inputValue(), 'UNOA');
    assert.equal(await tab.locator('#separators').inputValue(), ':*,? ~');
    assert.ok(await tab.locator('#edifact-test').isChecked());
    assert.match(await tab.locator('#edifact-recipient').innerText(), /VAN-42:ZZZ/);

    // The settings are the core's: an invoice written for the partner uses them.
    const dir = await mkdtemp(join(tmpdir(), 'relais-web-edifact-'));
    await writeFile(join(dir, 'invoice.pivot'), `PIVOT;1;UTF-8\nDOC;INVOIC;FA-WEB-1;2024-03-05;380;9;EUR\nPAR;SU;3012345000000;Laiterie\nPAR;BY;${gln};Client\n`
      + 'LIN;1;3760000000017\nQTY;47;24;PCE\nPRI;AAA;1.95\nMOA;203;46.8\nTOT;77;49.37\nEND;1\n');
    relais(['edifact', 'from-pivot', join(dir, 'invoice.pivot'), '--type', 'INVOIC', '--partner', code, '--out', dir]);
    const edi = await readFile(join(dir, 'invoice.INVOIC.edi'), 'latin1');
    await rm(dir, { recursive: true, force: true });
    assert.ok(edi.startsWith('UNA:*,? ~UNB*UNOA:3*3012345000000:14*VAN-42:ZZZ*'), edi.slice(0, 80));
    assert.match(edi, /\*INVOIC\*\*\*\*1~/, 'the test indicator is set');
    assert.match(edi, /PRI\*AAA:1,95~/, 'the decimal comma is used');
  });

  check('a certificate ending in 10 days is uploaded, its expiry shown, and a warning on the partner, the list and the dashboard', async (tab) => {
    await tab.goto(page('partner', { code }));
    await tab.setInputFiles('#certificate', { name: 'as2.pem', mimeType: 'application/x-pem-file', buffer: await certificate('as2.example.fr', 10) });
    await Promise.all([tab.waitForURL(/page=partner\b/), tab.click('button[value=certificate]')]);
    await tab.locator('.flash-success', { hasText: 'Certificat' }).waitFor();
    const row = tab.locator('#certificates-table tr[data-certificate]');
    assert.equal(await row.getAttribute('data-state'), 'expiring');
    assert.match(await row.innerText(), /CN=as2\.example\.fr/);
    assert.match(await row.innerText(), /encore (9|10) jours/);
    await tab.locator('#certificate-warning').waitFor();
    await tab.goto(page('partners'));
    await tab.locator(`tr[data-partner="${code}"] .cert-warning`).waitFor();
    await tab.goto(page('dashboard'));
    await tab.locator('#expiring-certificates tr', { hasText: code }).waitFor();

    await tab.goto(page('partner', { code }));
    await tab.setInputFiles('#certificate', { name: 'not-a-cert.pem', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await tab.click('button[value=certificate]');
    await tab.locator('.flash-error', { hasText: 'neither a PEM nor a DER' }).waitFor();
  });

  check('a viewer reads the partner but cannot change it, even by a direct POST', async (tab) => {
    const viewer = makeUser('viewer', 'partner-viewer');
    await logIn(tab, viewer.login, viewer.password);
    await tab.goto(page('partner', { code }));
    assert.equal(await tab.locator('button[value=save]').count(), 0);
    assert.equal(await tab.locator('#certificate-form').count(), 0);
    assert.equal(await tab.locator('button[value=edifact]').count(), 0);
    assert.equal(await tab.locator('#separators').getAttribute('readonly'), '');
    assert.equal(await tab.locator('#name').getAttribute('readonly'), '');
    const response = await tab.request.post(page('partner', { code }), { form: { do: 'enable', enabled: '0', _csrf: await csrfToken(tab) }, maxRedirects: 0 });
    assert.equal(response.status(), 403);
  });

  check('an admin disables the partner', async (tab) => {
    await logIn(tab);
    await tab.goto(page('partner', { code }));
    await tab.click('button[value=enable]');
    await tab.locator('.flash-success', { hasText: 'désactivé' }).waitFor();
    await tab.goto(page('partners'));
    await tab.locator(`tr[data-partner="${code}"] .badge`, { hasText: 'désactivé' }).waitFor();
  });
});
