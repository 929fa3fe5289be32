// Roles are enforced by the server, not only by hidden buttons: a viewer sees no action
// and its POSTs are refused (403, nothing changed); an operator steers jobs but cannot
// edit flows or users.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, page, logIn, csrfToken, makeUser, makeFlow, submit, waitForStatus, jobStatus, relais } from './lib.mjs';

describe('roles', () => {
  const { check } = browserSuite(import.meta.url);
  let flow;
  let failedJob;

  check('a viewer sees no action: no run, retry, bulk, enable, users, audit or system', async (tab) => {
    flow = await makeFlow('roles-fail', [{ activity: 'exec', with: { program: '/bin/false' } }]);
    failedJob = submit(flow);
    await waitForStatus(failedJob, ['failed']);
    const viewer = makeUser('viewer');
    await logIn(tab, viewer.login, viewer.password);
    const nav = await tab.locator('nav.mainnav').innerText();
    for (const hidden of ['Lancer un flux', 'Utilisateurs', 'Journal d\'audit', 'Système']) assert.doesNotMatch(nav, new RegExp(hidden));
    for (const shown of ['Tableau de bord', 'Traitements', 'Flux']) assert.match(nav, new RegExp(shown));

    await tab.goto(page('job', { id: failedJob }));
    await tab.locator('#job-status [data-status="failed"]').waitFor();
    assert.equal(await tab.locator('form[action*="page=job-action"]').count(), 0, 'no retry button');
    await tab.goto(page('jobs', { flow }));
    assert.equal(await tab.locator('input[name="ids[]"]').count(), 0, 'no selection boxes');
    assert.equal(await tab.locator('.bulkbar').count(), 0, 'no bulk buttons');
    await tab.goto(page('flows'));
    assert.equal(await tab.locator('button[value=enable]').count(), 0, 'no enable/disable buttons');
    await tab.goto(page('flow', { name: flow }));
    assert.equal(await tab.locator('textarea#definition').count(), 0, 'no editor');
    await tab.locator('#definition-view').waitFor();
  });

  check('a viewer\'s POSTs with a valid CSRF token are refused with 403 and change nothing', async (tab) => {
    await tab.goto(page('dashboard'));
    const token = await csrfToken(tab);
    const posts = [
      ['job-action', { id: String(failedJob), action: 'retry' }],
      ['jobs-bulk', { action: 'retry', confirm: '1', ids: String(failedJob) }],
      ['flow', { do: 'enable', enabled: '0' }, { name: flow }],
      ['run', { flow }],
      ['users', { do: 'create', login: 'mallory', password: 'mallory-password', role: 'admin' }],
    ];
    for (const [name, form, query] of posts) {
      const response = await tab.request.post(page(name, query ?? {}), { form: { ...form, _csrf: token }, maxRedirects: 0 });
      assert.equal(response.status(), 403, name);
      assert.match(await response.text(), /ne permet pas/, name);
    }
    for (const name of ['users', 'audit', 'system', 'run']) {
      assert.equal((await tab.request.get(page(name))).status(), 403, `GET ${name}`);
    }
    assert.equal(jobStatus(failedJob), 'failed');
    assert.match(relais(['flows', 'list']), new RegExp(`${flow}.*enabled`));
    assert.doesNotMatch(relais(['users', 'list']), /mallory/);
  });

  check('an operator retries a failed job from its page but cannot edit a flow or manage users', async (tab) => {
    const operator = makeUser('operator');
    await logIn(tab, operator.login, operator.password);
    await tab.goto(page('job', { id: failedJob }));
    await Promise.all([tab.waitForURL(/page=job\b/), tab.click('button[value=retry]')]);
    await tab.locator('.flash-success', { hasText: 'relancé' }).waitFor();
    assert.match(jobStatus(failedJob), /queued|running|failed/);
    await tab.goto(page('flow', { name: flow }));
    assert.equal(await tab.locator('textarea#definition').count(), 0);
    const token = await csrfToken(tab);
    const save = await tab.request.post(page('flow', { name: flow }), { form: { do: 'save', definition: '{}', _csrf: token }, maxRedirects: 0 });
    assert.equal(save.status(), 403);
    assert.equal((await tab.request.get(page('users'))).status(), 403);
  });
});
