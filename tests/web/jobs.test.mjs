// Watching and steering jobs: dashboard counts after jobs run, retry of a failed job once
// its cause is fixed, bulk cancel with its confirmation, filters and keyset pages, the
// steps timeline and logs, an EDIFACT preview, and a flow edited with errors shown next
// to the fields, saved, compared and disabled.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSuite, page, logIn, makeFlow, submit, waitForStatus, relais, unique } from './lib.mjs';

describe('jobs and flows', () => {
  const { check } = browserSuite(import.meta.url);
  let dir;

  const tile = async (tab, status) => Number((await tab.locator(`#status-counts ~ .tiles [data-count-status="${status}"] .tile-n, #status-counts [data-count-status="${status}"] .tile-n`).first().innerText()).replace(/\D/g, ''));

  check('the dashboard counts jobs after they run, and names the failing flow', async (tab) => {
    dir = await mkdtemp(join(tmpdir(), 'relais-web-jobs-'));
    await logIn(tab);
    await tab.goto(page('dashboard'));
    const failedBefore = await tile(tab, 'failed');
    const okBefore = await tile(tab, 'succeeded');
    const failing = await makeFlow('dash-fail', [{ activity: 'exec', with: { program: '/bin/false' } }]);
    const fine = await makeFlow('dash-ok', [{ activity: 'noop' }]);
    const ids = [submit(failing), submit(failing), submit(fine)];
    for (const id of ids) await waitForStatus(id, ['failed', 'succeeded']);
    // The dashboard refreshes by itself: no reload here.
    await tab.waitForFunction(([n]) => {
      const el = document.querySelector('[data-count-status="failed"] .tile-n');
      return el && Number(el.textContent.replace(/\D/g, '')) >= n;
    }, [failedBefore + 2], { timeout: 20_000 });
    assert.equal(await tile(tab, 'failed'), failedBefore + 2);
    assert.equal(await tile(tab, 'succeeded'), okBefore + 1);
    const row = tab.locator('#failures-table tr', { hasText: failing });
    await row.waitFor();
    assert.match(await row.innerText(), /\b2\b/);
    await tab.locator('#nodes-table [data-alive="1"]').first().waitFor();
  });

  check('a failed job is retried from its page and succeeds once its cause is fixed', async (tab) => {
    const marker = join(dir, 'fixed');
    const flow = await makeFlow('flaky', [{ activity: 'exec', with: { program: '/bin/sh', args: ['-c', `test -f ${marker} || { echo "marker missing" >&2; exit 1; }`, 'sh'] } }]);
    const id = submit(flow);
    await waitForStatus(id, ['failed']);
    await tab.goto(page('job', { id }));
    await tab.locator('.job-error').waitFor();
    await tab.locator('.step-error', { hasText: 'exited with status 1' }).waitFor();
    await tab.goto(page('job', { id, level: 'error' }));
    const levels = await tab.locator('#log-table .level').allInnerTexts();
    assert.ok(levels.length > 0 && levels.every((l) => l.toLowerCase() === 'error'), `only error lines: ${levels}`);
    await writeFile(marker, '');
    await tab.goto(page('job', { id }));
    await Promise.all([tab.waitForURL(/page=job\b/), tab.click('button[value=retry]')]);
    await tab.locator('.flash-success', { hasText: `n° ${id} est relancé` }).waitFor();
    await tab.locator('#job-status [data-status="succeeded"]').waitFor({ timeout: 30_000 });
    await tab.locator('#steps-attempt-2 .step-succeeded').waitFor();
    await tab.locator('#steps-attempt-1 .step-failed').waitFor();
  });

  check('bulk cancel asks to confirm how many jobs, then cancels them all', async (tab) => {
    const flow = await makeFlow('sleepy', [{ activity: 'exec', with: { program: '/bin/sh', args: ['-c', 'sleep 60'], timeout_seconds: 120 } }]);
    const ids = [submit(flow), submit(flow), submit(flow), submit(flow)];
    await tab.goto(page('jobs', { flow }));
    await tab.locator('#select-all').check();
    await Promise.all([tab.waitForURL(/page=jobs-bulk/), tab.click('button[value=cancel]')]);
    assert.match(await tab.locator('#bulk-question').innerText(), /Annuler 4 traitements \?/);
    await Promise.all([tab.waitForURL(/page=jobs\b/), tab.click('#bulk-confirm')]);
    await tab.locator('.flash-success', { hasText: '4 traitements annulés' }).waitFor();
    for (const id of ids) await waitForStatus(id, ['cancelled'], 30_000);
    // The running ones were stopped by their worker; the list shows it by itself.
    await tab.waitForFunction(() => [...document.querySelectorAll('#jobs-table [data-status]')].every((b) => b.dataset.status === 'cancelled'), null, { timeout: 20_000 });
  });

  check('a bulk retry of all 250 jobs matching a filter goes in chunks with a progress bar', async (tab) => {
    const flow = await makeFlow('bulk-fail', [{ activity: 'exec', with: { program: '/bin/false' } }]);
    const partner = unique('BULK');
    const ids = [];
    for (let i = 0; i < 250; i++) ids.push(submit(flow, { partner }));
    for (const id of ids) await waitForStatus(id, ['failed'], 60_000);
    await tab.goto(page('jobs', { flow, status: 'failed' }));
    await tab.locator('input[name=all_matching]').check();
    await Promise.all([tab.waitForURL(/page=jobs-bulk/), tab.click('button[value=retry]')]);
    assert.match(await tab.locator('#bulk-question').innerText(), /Relancer 250 traitements \?/);
    await tab.click('#bulk-confirm');
    // More than one chunk of 200: the page stays and shows its progress.
    await tab.locator('#bulk-progress').waitFor();
    await tab.waitForFunction(() => document.querySelector('#bulk-progress').value === 250, null, { timeout: 30_000 });
    await tab.locator('#bulk-status', { hasText: 'Terminé : 250' }).waitFor();
    for (const id of ids) await waitForStatus(id, ['queued', 'running', 'failed'], 30_000);
    await tab.goto(page('audit', { action: 'job.bulk_retry' }));
    assert.equal(await tab.locator('#audit-table tr[data-action="job.bulk_retry"]', { hasText: '200' }).count() >= 1, true);
  });

  check('filters and keyset pages: 55 jobs of one partner come 50 and 5', async (tab) => {
    const flow = await makeFlow('many', [{ activity: 'noop' }]);
    const partner = unique('P');
    for (let i = 0; i < 55; i++) submit(flow, { partner });
    await tab.goto(page('jobs'));
    await tab.fill('input[name=partner]', partner);
    await tab.selectOption('select[name=status]', '');
    await Promise.all([tab.waitForURL(/partner=/), tab.click('.filters button[type=submit]')]);
    assert.equal(await tab.locator('#jobs-table tbody tr').count(), 50);
    const first = await tab.locator('#jobs-table tbody tr').first().getAttribute('data-job-id');
    await Promise.all([tab.waitForURL(/before=/), tab.click('#next-page')]);
    assert.equal(await tab.locator('#jobs-table tbody tr').count(), 5);
    assert.equal(await tab.locator('#next-page').count(), 0, 'last page');
    const ids = await tab.locator('#jobs-table tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.jobId)));
    assert.ok(ids.every((id) => id < Number(first)), 'older jobs on the second page');
    await tab.goto(page('jobs', { partner, from: '2000-01-01', to: '2000-01-02' }));
    await tab.locator('.empty').waitFor();
    await tab.goto(page('jobs', { from: 'yesterday' }));
    await tab.locator('.flash-error', { hasText: "'yesterday' is not a date" }).waitFor();
  });

  check('an EDIFACT document is previewed one segment per line', async (tab) => {
    const flow = await makeFlow('edi', [{ activity: 'noop' }]);
    const file = join(dir, 'order.edi');
    await writeFile(file, "UNA:+.? 'UNB+UNOC:3+5412345000013:14+3012345000010:14+240501:1200+42'UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO?'1'UNT+3+1'UNZ+1+42'");
    const id = Number(relais(['submit', flow, file, '--wait', '30']).match(/\d+/)[0]);
    await tab.goto(page('job', { id }));
    await tab.locator('#documents-table a', { hasText: 'Aperçu' }).first().click();
    assert.equal(await tab.locator('#preview-kind').getAttribute('data-kind'), 'edifact');
    const lines = await tab.locator('#preview li').allInnerTexts();
    assert.deepEqual(lines, ["UNA:+.? '", "UNB+UNOC:3+5412345000013:14+3012345000010:14+240501:1200+42'", "UNH+1+ORDERS:D:96A:UN:EAN008'", "BGM+220+PO?'1'", "UNT+3+1'", "UNZ+1+42'"]);
  });

  check('a flow edit shows each error next to its field, then saves, compares versions and disables', async (tab) => {
    const flow = await makeFlow('edit', [{ activity: 'noop' }], { description: 'first' });
    await tab.goto(page('flow', { name: flow }));
    const bad = { name: flow, description: 'first', retry: { max_attempts: 0 }, steps: [{ activity: 'dir.deposit', with: { path: 'relative/dir' } }, { with: {} }] };
    await tab.fill('#definition', JSON.stringify(bad, null, 2));
    await tab.click('button[value=save]');
    await tab.locator('#flow-errors').waitFor();
    for (const [field, line] of [['retry.max_attempts', '"max_attempts": 0'], ['steps[0].with.path', '"path": "relative/dir"'], ['steps[1].activity', '{']]) {
      const item = tab.locator('#json-lines li', { has: tab.locator(`.field-error[data-field="${field}"]`) });
      assert.equal(await item.count(), 1, field);
      assert.ok((await item.locator('code').innerText()).includes(line), `${field} is shown at ${await item.locator('code').innerText()}`);
    }
    assert.ok((await tab.locator('#definition').inputValue()).includes('relative/dir'), 'the edit is kept');

    const good = { name: flow, description: 'second', trigger: { type: 'manual' }, steps: [{ activity: 'noop' }] };
    await tab.fill('#definition', JSON.stringify(good, null, 2));
    await Promise.all([tab.waitForURL(/page=flow\b/), tab.click('button[value=save]')]);
    await tab.locator('.flash-success', { hasText: 'version 2' }).waitFor();
    await tab.locator('#diff-form input[name=from][value="1"]').check();
    await tab.locator('#diff-form input[name=to][value="2"]').check();
    await Promise.all([tab.waitForURL(/from=1/), tab.click('#diff-form button[type=submit]')]);
    assert.match(await tab.locator('#diff .diff-del').innerText(), /"description": "first"/);
    assert.match(await tab.locator('#diff .diff-add').innerText(), /"description": "second"/);

    await tab.click('button[value=enable]');
    await tab.locator('.flash-success', { hasText: 'désactivé' }).waitFor();
    await tab.goto(page('run'));
    assert.equal(await tab.locator(`#flow option[value="${flow}"]`).count(), 0, 'a disabled flow is not offered');
    await tab.goto(page('audit', { action: 'flow.' }));
    await tab.locator('#audit-table td', { hasText: `flow ${flow} v2` }).waitFor();
    await rm(dir, { recursive: true, force: true });
  });
});
