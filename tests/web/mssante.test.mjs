// The MSSanté deployment proof page against the private Dovecot (IMAP with STARTTLS) and
// Postfix (submission with STARTTLS, and a port without) that tests/run.sh starts
// (RELAIS_WEB_MAIL_PORTS="IMAP SMTP SMTP_WITHOUT_STARTTLS"): the listings the page shows
// and downloads are those of `relais mssante-proof`, the verdicts follow the servers, a
// port nothing listens on is said, a server that never answers is given up at the proof's
// time limit (the step named), bad fields are named next to them, admins only.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { browserSuite, page, logIn, makeUser, relais, csrfToken, env, sleep } from './lib.mjs';

const [imapPort, smtpPort, plainSmtpPort] = (process.env.RELAIS_WEB_MAIL_PORTS ?? '').split(' ').map(Number);

/** The lines under the heading holding `title`, up to the blank line. */
function section(text, title) {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('=====') && l.includes(title));
  assert.ok(from >= 0, `no section "${title}" in:\n${text}`);
  const to = lines.indexOf('', from);
  return lines.slice(from + 1, to).join('\n');
}

/** A loopback port nothing listens on (connections to it are refused). */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A loopback server that accepts connections and never sends a byte, as a hung server
 * does; it counts the connections accepted and those the client closed.
 */
async function silentServer() {
  const sockets = new Set();
  const counts = { accepted: 0, closedByClient: 0 };
  const server = createServer((socket) => {
    counts.accepted += 1;
    sockets.add(socket);
    socket.on('data', () => {});
    socket.on('end', () => { counts.closedByClient += 1; });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    counts,
    close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(resolve); }),
  };
}

async function produce(tab, fqdn, imap, smtp, timeout = undefined) {
  await tab.goto(page('mssante'));
  await tab.fill('#fqdn', fqdn);
  await tab.fill('#imap_port', String(imap));
  await tab.fill('#smtp_port', String(smtp));
  const [response] = await Promise.all([tab.waitForResponse((r) => r.request().method() === 'POST', { timeout }), tab.click('#proof-form button[type=submit]', { timeout })]);
  await tab.waitForLoadState();
  return response.status();
}

describe('MSSanté deployment proof page', () => {
  const suite = browserSuite(import.meta.url);
  const { check } = suite;

  check('the mail servers of the proof are running', async () => {
    assert.ok(imapPort && smtpPort && plainSmtpPort, 'RELAIS_WEB_MAIL_PORTS is not set: the mail servers did not start (see tests/.out/logs/web-mail.log)');
  });

  check('an admin gets the listings of relais mssante-proof, STARTTLS offered on both, and downloads them as .txt, audited', async (tab) => {
    await logIn(tab);
    await tab.goto(page('system'));
    await Promise.all([tab.waitForURL(/page=mssante/), tab.click('#mssante-link')]);
    assert.equal(await produce(tab, '127.0.0.1', imapPort, smtpPort), 200);
    assert.equal(await tab.locator('#imap-starttls').innerText(), 'oui');
    assert.equal(await tab.locator('#smtp-starttls').innerText(), 'oui');
    assert.equal(await tab.locator('#imap-complete').innerText(), 'oui');
    assert.equal(await tab.locator('#proof-problem').count(), 0);
    const shown = await tab.locator('#proof-text').textContent();
    const cli = relais(['mssante-proof', '127.0.0.1', '--imap-port', String(imapPort), '--smtp-port', String(smtpPort)]);
    for (const title of [`LISTING IMAP (port ${imapPort})`, `LISTING SMTP (port ${smtpPort})`, 'RÉSUMÉ']) {
      assert.equal(section(shown, title), section(cli, title), `${title}: the page and the CLI differ`);
    }
    assert.match(section(shown, 'LISTING IMAP'), /^\* CAPABILITY .*\bSTARTTLS\b/m);
    assert.match(section(shown, 'LISTING SMTP'), /^EHLO 127\.0\.0\.1$/m);
    assert.match(shown, new RegExp(`^Produite par : Relais .* \\(page d'administration, ${env.login}\\)$`, 'm'));

    const [download] = await Promise.all([tab.waitForEvent('download'), tab.click('#proof-download')]);
    assert.match(download.suggestedFilename(), /^preuve-mssante-127\.0\.0\.1-\d{8}-\d{6}\.txt$/);
    assert.equal(await readFile(await download.path(), 'utf8'), shown, 'the download is the proof shown');
    const response = await tab.request.get(page('mssante', { download: 1 }));
    assert.equal(response.headers()['content-type'], 'text/plain; charset=utf-8');
    assert.match(response.headers()['content-disposition'], /^attachment; filename="preuve-mssante-127\.0\.0\.1-\d{8}-\d{6}\.txt"$/);

    await tab.goto(page('audit', { action: 'mssante.' }));
    const entry = tab.locator('#audit-table tr[data-action="mssante.proof"]', { hasText: `IMAP ${imapPort} STARTTLS offered, listing complete` }).first();
    await entry.waitFor();
    assert.match(await entry.innerText(), /127\.0\.0\.1/);
    assert.ok(await tab.locator('#audit-table tr[data-action="mssante.proof.download"]').count() >= 1, 'the download is audited');
  });

  check('SMTP without STARTTLS is said; an IMAP port that refuses gives a listing that says so', async (tab) => {
    await logIn(tab);
    const closed = await closedPort();
    assert.equal(await produce(tab, '127.0.0.1', closed, plainSmtpPort), 200);
    assert.equal(await tab.locator('#smtp-starttls').innerText(), 'non');
    assert.equal(await tab.locator('#smtp-complete').innerText(), 'oui');
    assert.equal(await tab.locator('#imap-starttls').innerText(), 'non');
    assert.equal(await tab.locator('#imap-complete').innerText(), 'non');
    assert.match(await tab.locator('#proof-problem').innerText(), /IMAP: /);
    const shown = await tab.locator('#proof-text').textContent();
    assert.match(section(shown, `LISTING IMAP (port ${closed})`), /^telnet: Unable to connect to remote host/m);
    assert.match(section(shown, `LISTING SMTP (port ${plainSmtpPort})`), /^QUIT$/m);
    assert.match(shown, new RegExp(`^SMTP \\(port ${plainSmtpPort}\\) : STARTTLS proposé : non$`, 'm'));
  });

  check('an IMAP server that never answers: the page answers at the proof\'s time limit naming the step cut, SMTP not run, the connection closed', async (tab) => {
    await logIn(tab);
    const silent = await silentServer();
    try {
      // The limit is [transfer] mssante_proof_timeout_seconds of the test relais.ini (tests/run.sh).
      assert.equal(await produce(tab, '127.0.0.1', silent.port, smtpPort, 60_000), 200);
      assert.equal(await tab.locator('#imap-complete').innerText(), 'non');
      assert.equal(await tab.locator('#smtp-complete').innerText(), 'non');
      const cut = /the proof's time limit of (\d+) s ran out while waiting for the greeting, after \d+\.\d s on that step/;
      const problem = await tab.locator('#proof-problem').innerText();
      assert.match(problem, new RegExp(`IMAP: ${cut.source}; SMTP: not run: the proof's time limit of \\d+ s had run out`));
      const shown = await tab.locator('#proof-text').textContent();
      assert.match(section(shown, `LISTING IMAP (port ${silent.port})`), new RegExp(`^Connected to 127\\.0\\.0\\.1\\.$[\\s\\S]*^Connection closed by Relais: ${cut.source}\\.$`, 'm'));
      assert.match(section(shown, `LISTING SMTP (port ${smtpPort})`), /^\(not run: the proof's time limit of \d+ s had run out\)$/m);
      assert.match(shown, /^Listing incomplet : IMAP: the proof's time limit/m);
      assert.equal(silent.counts.accepted, 1, 'one connection to the silent server');
      // Apache's worker lives on: the connection was closed by the proof, not by a process exit.
      for (let i = 0; i < 50 && silent.counts.closedByClient < 1; i++) await sleep(100);
      assert.equal(silent.counts.closedByClient, 1, 'the proof closed its connection to the silent server');
      await tab.goto(page('audit', { action: 'mssante.' }));
      await tab.locator('#audit-table tr[data-action="mssante.proof"]', { hasText: `IMAP ${silent.port} STARTTLS not offered, listing incomplete` }).first().waitFor();
    } finally {
      await silent.close();
    }
  });

  check('a bad host name or port is named next to its field, the input kept, nothing run nor audited', async (tab) => {
    await logIn(tab);
    assert.equal((await tab.request.get(page('mssante', { download: 1 }))).status(), 404, 'no proof yet in this session');
    suite.dialogs = 0;
    const markup = '<img src=x onerror=alert(1)>';
    assert.equal(await produce(tab, markup, 'abc', '70000'), 422);
    assert.match(await tab.locator('#proof-errors').innerText(), /3 problèmes/);
    assert.match(await tab.locator('#err-fqdn').innerText(), /is not a host name/);
    assert.ok((await tab.locator('#err-fqdn').innerText()).includes(markup), 'the host name is shown as text');
    assert.equal(await tab.locator('#err-imap-port').innerText(), '« abc » n\'est pas un numéro de port (1 à 65535).');
    assert.match(await tab.locator('#err-smtp-port').innerText(), /port 70000 is not between 1 and 65535/);
    for (const [field, value] of [['fqdn', markup], ['imap_port', 'abc'], ['smtp_port', '70000']]) {
      assert.equal(await tab.inputValue(`#${field}`), value, `${field} kept`);
      assert.equal(await tab.getAttribute(`#${field}`, 'aria-invalid'), 'true', `${field} marked invalid`);
    }
    assert.equal(await tab.locator('#proof').count(), 0, 'no proof');
    assert.equal(suite.dialogs, 0, 'no injected script ran');
    assert.equal((await tab.request.get(page('mssante', { download: 1 }))).status(), 404, 'still no proof to download');
    await tab.goto(page('audit', { action: 'mssante.proof' }));
    assert.equal(await tab.locator('#audit-table tr[data-action="mssante.proof"]', { hasText: 'onerror' }).count(), 0);
  });

  check('an operator has no MSSanté page: no link to it, GET and POST (with a valid token) refused', async (tab) => {
    const operator = makeUser('operator', 'mss-op');
    await logIn(tab, operator.login, operator.password);
    assert.equal(await tab.locator('a[href*="page=mssante"], a[href*="page=system"]').count(), 0);
    const token = await csrfToken(tab);
    assert.equal((await tab.request.get(page('mssante'))).status(), 403);
    const post = await tab.request.post(page('mssante'), { form: { _csrf: token, fqdn: '127.0.0.1', imap_port: String(imapPort), smtp_port: String(smtpPort) }, maxRedirects: 0 });
    assert.equal(post.status(), 403);
    assert.equal((await tab.request.get(page('mssante', { download: 1 }))).status(), 403);
  });
});
