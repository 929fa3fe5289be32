// A job's log on its page when it has more lines than a page holds: the newest lines
// first with "N sur M lignes", a link to the older ones, and a level filter that the
// core applies to the whole log (not to the lines of one page).
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSuite, page, logIn, makeFlow, submitFiles, waitForStatus, relais } from './lib.mjs';

const DOCUMENTS = 1003;

describe('job log pages', () => {
  const { check } = browserSuite(import.meta.url);

  check('a log of more than 1,000 lines shows the newest with the count, older ones on the next page, levels over the whole log', async (tab) => {
    const dir = await mkdtemp(join(tmpdir(), 'relais-web-log-'));
    try {
      // One "deposited" info line per document, then the failing step's error line:
      // the error comes after the first 1,000 lines, and the oldest line is on page 2.
      const flow = await makeFlow('long-log', [
        { activity: 'dir.deposit', with: { path: join(dir, 'out') } },
        { activity: 'exec', with: { program: '/bin/false' } },
      ]);
      const files = [];
      for (let i = 0; i < DOCUMENTS; i++) {
        const file = join(dir, `doc-${String(i).padStart(4, '0')}.txt`);
        await writeFile(file, `document ${i}\n`);
        files.push(file);
      }
      const id = submitFiles(flow, files);
      await waitForStatus(id, ['failed'], 120_000);
      const total = JSON.parse(relais(['show', String(id), '--json'])).log_total;
      assert.ok(total >= DOCUMENTS + 2, `log_total ${total}`);
      const fmt = (n) => n.toLocaleString('fr-FR').replace(/\s/g, '\u202f');

      await logIn(tab);
      await tab.goto(page('job', { id }));
      const pager = tab.locator('nav.pager');
      assert.equal(await pager.locator('.muted').innerText(), `${fmt(1000)} sur ${fmt(total)} lignes`);
      const rows = tab.locator('#log-table tbody tr');
      assert.equal(await rows.count(), 1000);
      // The newest line (the job's end) closes the page; the first (the submission) is not on it.
      assert.match(await rows.last().innerText(), /job failed/);
      assert.equal(await tab.locator('#log-table td', { hasText: 'submitted to flow' }).count(), 0);

      await Promise.all([tab.waitForURL(/before=/), pager.locator('#next-page', { hasText: 'Lignes plus anciennes' }).click()]);
      assert.equal(await tab.locator('nav.pager .muted').innerText(), `${total - 1000} sur ${fmt(total)} lignes`);
      assert.equal(await rows.count(), total - 1000);
      assert.match(await rows.first().innerText(), /submitted to flow/);
      assert.equal(await tab.locator('#next-page').count(), 0, 'no page older than the oldest');
      await Promise.all([tab.waitForURL((u) => !/before=/.test(u.toString())), tab.locator('nav.pager a', { hasText: 'Les plus récents' }).click()]);
      assert.equal(await rows.count(), 1000);

      await tab.locator('nav.levels a', { hasText: 'error' }).click();
      await tab.waitForURL(/level=error/);
      // The step's error and the job's end: the lines after the first 1,000.
      const levels = await tab.locator('#log-table .level').allTextContents();
      assert.deepEqual(levels, ['error', 'error']);
      await tab.locator('#log-table td', { hasText: '/bin/false' }).waitFor();
      assert.equal(await tab.locator('nav.pager .muted').innerText(), '2 sur 2 lignes');
      await tab.locator('nav.levels a', { hasText: 'info' }).click();
      await tab.waitForURL(/level=info/);
      assert.equal(await tab.locator('nav.pager .muted').innerText(), `${fmt(1000)} sur ${fmt(total - 2)} lignes`);
      assert.equal(await tab.locator('#next-page').count(), 1);

      // A cursor before every line (a hand-made URL): no line, and the way back.
      await tab.goto(page('job', { id, before: 1 }));
      await tab.locator('.empty', { hasText: 'Aucune ligne de journal.' }).waitFor();
      await tab.locator('nav.pager a', { hasText: 'Les plus récents' }).click();
      await tab.waitForURL((u) => !/before=/.test(u.toString()));
      assert.equal(await rows.count(), 1000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
