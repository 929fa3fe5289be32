// The Sage 100 page, on the shared test environment's emulated Sage database ([sage] of
// relais.ini, reached through ODBC by the site's own PHP): an operator imports a pivot
// file and reads the pieces made; a bad pivot is refused naming its line and field and
// writes nothing; invoices of a date range and customer are exported and downloaded
// (by run and file name only: no path, link or folder); a viewer reads the page but cannot run anything. Each test owns its documents (unique
// numbers, and a date no other run uses).
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { browserSuite, env, page, logIn, csrfToken, makeUser, unique } from './lib.mjs';

const pivot = (body) => Buffer.from(`PIVOT;1;UTF-8\n${body}`);

/** Uploads `content` as `name` through the import form; the page after it. */
async function importPivot(tab, name, content, documentType = 'order') {
  await tab.goto(page('sage'));
  await tab.setInputFiles('#pivot', { name, mimeType: 'text/plain', buffer: content });
  await tab.selectOption('#document_type', documentType);
  await Promise.all([tab.waitForLoadState(), tab.click('#sage-import-form button[type=submit]')]);
}

describe('sage', () => {
  const suite = browserSuite(import.meta.url);
  const { check } = suite;
  const operator = makeUser('operator', 'sage-op');

  check('an operator imports a pivot file of two orders and sees their piece numbers', async (tab) => {
    await logIn(tab, operator.login, operator.password);
    const a = unique('WEB-A').slice(0, 17);
    const b = unique('WEB-B').slice(0, 17);
    const lines = 'LIN;1;3760000000017\nQTY;21;6;PCE\nPRI;AAA;1,95\nLIN;2;3760000000062\nQTY;21;1\nEND;2\n';
    await importPivot(tab, 'orders.pivot', pivot(
      `DOC;ORDERS;${a};2024-03-01\nPAR;BY;3012345100014\nPAR;SU;3012345000000\n${lines}` +
      `DOC;ORDERS;${b};2024-03-01\nPAR;BY;3012345100021\nPAR;SU;3012345000000\n${lines}`));
    await tab.locator('#import-report').waitFor();
    const rows = tab.locator('#import-report tbody tr');
    assert.equal(await rows.count(), 2);
    const pieces = await tab.locator('#import-report td.piece').allInnerTexts();
    for (const piece of pieces) assert.match(piece, /^BC\d{5}$/);
    assert.notEqual(pieces[0], pieces[1]);
    assert.equal(await rows.nth(0).getAttribute('data-status'), 'imported');
    assert.match(await rows.nth(0).innerText(), new RegExp(`ORDERS ${a}[\\s\\S]*C0001[\\s\\S]*26\\.20`));
    assert.match(await tab.locator('#import-counts').innerText(), /^2 /);
    // The same file again: the same pieces, nothing new.
    await importPivot(tab, 'orders.pivot', pivot(
      `DOC;ORDERS;${a};2024-03-01\nPAR;BY;3012345100014\nPAR;SU;3012345000000\n${lines}`));
    assert.equal(await tab.locator('#import-report tbody tr').getAttribute('data-status'), 'existing');
    assert.equal(await tab.locator('#import-report td.piece').innerText(), pieces[0]);
    // Both runs are in the audit log, with what they did.
    await logIn(tab);
    await tab.goto(page('audit', { login: operator.login }));
    const audited = await tab.locator('tr[data-action="sage.import"]').allInnerTexts();
    assert.equal(audited.length, 2);
    assert.match(audited[1], /orders\.pivot[\s\S]*sales order: 2 imported, 0 existing, 0 failed/);
    assert.match(audited[0], /sales order: 0 imported, 1 existing, 0 failed/);
  });

  check('a bad pivot is refused with the error naming its line, field and value, and nothing is imported', async (tab) => {
    await logIn(tab, operator.login, operator.password);
    const number = unique('WEB-BAD').slice(0, 17);
    const name = `${unique('bad')}.pivot`;
    await importPivot(tab, name, pivot(
      `DOC;ORDERS;${number};2024-03-01\nPAR;BY;3012345100014\nPAR;SU;3012345000000\nLIN;1;3760000000017\nQTY;21;1O\nEND;1\n`));
    const error = tab.locator('.flash-error');
    await error.waitFor();
    assert.match(await error.innerText(), new RegExp(`${name.replace('.', '\\.')} line 6: QTY value \\(field 3\\) '1O' is not a number`));
    assert.equal(await tab.locator('#import-report').count(), 0, 'no report: nothing was imported');
    // A document with no line at all is refused the same way.
    await importPivot(tab, name, pivot(`DOC;ORDERS;${number};2024-03-01\nPAR;BY;3012345100014\nPAR;SU;3012345000000\nEND;0\n`));
    assert.match(await tab.locator('.flash-error').innerText(), new RegExp(`${name.replace('.', '\\.')} line \\d+: the document ORDERS ${number} \\(line 2\\) has no line \\(LIN\\)`));
  });

  check('invoices of a date range and a customer are exported, then downloaded', async (tab) => {
    await logIn(tab, operator.login, operator.password);
    // An invoice of C0003 on a day no other run uses.
    const day = `20${30 + Math.floor(Math.random() * 60)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
    const number = unique('WEB-INV').slice(0, 17);
    await importPivot(tab, 'invoice.pivot', pivot(
      `DOC;INVOIC;${number};${day};380\nPAR;BY;3012345100038\nPAR;SU;3012345000000\n` +
      'LIN;1;3760000000031\nQTY;47;10;PCE\nPRI;AAA;1.15\nTAX;VAT;5.5\nEND;1\n'), 'invoice');
    const piece = await tab.locator('#import-report td.piece').innerText();
    assert.match(piece, /^FA\d{5}$/);

    await tab.selectOption('#domain', 'sales');
    await tab.selectOption('#type', 'invoice');
    await tab.fill('#from', day);
    await tab.fill('#to', day);
    await tab.fill('#customer', 'C0003');
    await Promise.all([tab.waitForLoadState(), tab.click('#sage-export-form button[type=submit]')]);
    await tab.locator('#export-report').waitFor();
    const rows = tab.locator('#export-report tbody tr');
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.locator('td.piece').innerText(), piece);
    assert.match(await rows.innerText(), /C0003[\s\S]*11\.50/);

    const [download] = await Promise.all([tab.waitForEvent('download'), rows.locator('a[download]').click()]);
    assert.equal(download.suggestedFilename(), `INVOIC_${piece}.pivot`);
    const text = await readFile(await download.path(), 'utf8');
    assert.match(text, new RegExp(`^PIVOT;1;UTF-8\\nDOC;INVOIC;${piece};${day};380`));
    assert.match(text, /\nPAR;BY;3012345100038;CENTRALE ACHATS OUEST/);
    assert.match(await tab.locator('#recent-exports').innerText(), new RegExp(`INVOIC_${piece}\\.pivot`));

    // Exported once: the same criteria again find nothing.
    await Promise.all([tab.waitForLoadState(), tab.click('#sage-export-form button[type=submit]')]);
    assert.equal(await tab.locator('#export-report tbody tr').count(), 0);
    // Downloads take a run and a file name only.
    for (const which of ['../../relais.ini', '20240101-000000-deadbeef/../x.pivot', `x/INVOIC_${piece}.pivot`]) {
      const response = await tab.request.get(page('sage', { download: which }));
      assert.equal(response.status(), 404, which);
    }
    // Nor a symbolic link (to relais.ini) or a folder planted in a run of the export folder.
    const exportDir = (await readFile(env.config, 'utf8')).match(/^\[sage\][^[]*?^export_dir\s*=\s*(.+)$/m)[1].trim();
    const planted = `20240101-000000-${randomBytes(4).toString('hex')}`;
    await mkdir(join(exportDir, planted, 'DIR.pivot'), { recursive: true });
    await symlink(env.config, join(exportDir, planted, 'LINK.pivot'));
    try {
      for (const file of ['LINK.pivot', 'DIR.pivot']) {
        const response = await tab.request.get(page('sage', { download: `${planted}/${file}` }));
        assert.equal(response.status(), 404, file);
        assert.doesNotMatch(await response.text(), /\[database\]/, 'relais.ini is not sent');
      }
    } finally {
      await rm(join(exportDir, planted), { recursive: true, force: true });
    }
  });

  check('a viewer reads the page without its forms, and its POST is refused', async (tab) => {
    const viewer = makeUser('viewer', 'sage-viewer');
    await logIn(tab, viewer.login, viewer.password);
    await tab.goto(page('sage'));
    assert.equal(await tab.locator('#recent-exports').count(), 1);
    assert.equal(await tab.locator('#sage-import-form, #sage-export-form').count(), 0);
    const token = await csrfToken(tab);
    const response = await tab.request.post(page('sage'), { form: { action: 'export', type: 'invoice', _csrf: token }, maxRedirects: 0 });
    assert.equal(response.status(), 403);
  });
});
