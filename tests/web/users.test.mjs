// Users managed in the browser: an administrator creates a user and changes its role;
// the new role applies at the user's next request, and both actions are in the audit
// log with who did them.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { browserSuite, env, page, logIn, relais, unique } from './lib.mjs';

describe('users and roles in the browser', () => {
  const { check } = browserSuite(import.meta.url);

  check('an admin creates a viewer, makes it an operator, and both are audited', async (tab) => {
    const login = unique('newuser');
    const password = 'pw-' + randomBytes(8).toString('hex');
    await logIn(tab);
    await tab.goto(page('users'));
    await tab.fill('#new-login', login);
    await tab.fill('#new-password', password);
    await tab.selectOption('#new-role', 'viewer');
    await Promise.all([tab.waitForURL(/page=users/), tab.click('#new-user button[type=submit]')]);
    await tab.locator('.flash-success', { hasText: `Utilisateur « ${login} » créé.` }).waitFor();
    const row = tab.locator(`#users-table tr[data-login="${login}"]`);
    assert.equal(await row.locator('select[name=role]').inputValue(), 'viewer');
    assert.match(relais(['users', 'list']), new RegExp(`${login}\\s.*viewer`));

    // The viewer may not run a flow...
    await logIn(tab, login, password);
    assert.equal((await tab.request.get(page('run'))).status(), 403);

    await logIn(tab);
    await tab.goto(page('users'));
    await row.locator('select[name=role]').selectOption('operator');
    await Promise.all([tab.waitForURL(/page=users/), row.locator('button', { hasText: 'Modifier' }).click()]);
    await tab.locator('.flash-success', { hasText: `« ${login} » est maintenant opérateur.` }).waitFor();
    assert.equal(await row.locator('select[name=role]').inputValue(), 'operator');
    assert.match(relais(['users', 'list']), new RegExp(`${login}\\s.*operator`));

    // ... the operator may.
    await logIn(tab, login, password);
    assert.equal((await tab.request.get(page('run'))).status(), 200);

    await logIn(tab);
    await tab.goto(page('audit', { action: 'user.' }));
    for (const [action, details] of [['user.create', 'role viewer'], ['user.role', 'role operator']]) {
      const entry = tab.locator(`#audit-table tr[data-action="${action}"]`, { hasText: `user ${login}` });
      assert.equal(await entry.count(), 1, `${action} of ${login} in the audit log`);
      const cells = await entry.locator('td').allInnerTexts();
      assert.equal(cells[1], env.login, `${action}: who`);
      assert.equal(cells[4], details, `${action}: details`);
    }
  });
});
