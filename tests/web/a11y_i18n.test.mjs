// Keyboard navigation and labelled form fields on every page; French by default, English
// per user; every text of the site has its French translation.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserSuite, page, logIn, makeUser, skip } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PAGES = [['login', {}], ['dashboard', {}], ['jobs', {}], ['flows', {}], ['flow', { name: 'demo-deposit' }], ['flow', { new: 1 }],
  ['run', {}], ['users', {}], ['audit', {}], ['system', {}], ['account', {}], ['job', { id: 1 }], ['partners', {}], ['partner', { new: 1 }]];

describe('accessibility and languages', () => {
  const { check } = browserSuite(import.meta.url);

  check('every text of the site has a French translation', { skip: false }, async () => {
    const missing = execFileSync('php', [join(here, 'catalogue_check.php'), join(here, '..', '..', 'webroot', 'app')], { encoding: 'utf8' });
    assert.equal(missing, '', 'texts without a French translation');
  });

  check('the keyboard reaches the skip link first, and it moves the focus to the content', async (tab) => {
    await logIn(tab);
    await tab.goto(page('dashboard'));
    await tab.keyboard.press('Tab');
    assert.equal(await tab.evaluate(() => document.activeElement.className), 'skip-link');
    await tab.keyboard.press('Enter');
    assert.equal(await tab.evaluate(() => document.activeElement.id), 'main');
    // Then on through the menu, in order.
    await tab.goto(page('dashboard'));
    const seen = [];
    for (let i = 0; i < 6; i++) {
      await tab.keyboard.press('Tab');
      seen.push(await tab.evaluate(() => document.activeElement.textContent.trim()));
    }
    assert.ok(seen.includes('Traitements') && seen.includes('Flux'), `Tab order: ${seen}`);
  });

  check('every form field of every page has a label, every button a name', async (tab) => {
    for (const [name, query] of PAGES) {
      if (name === 'login') await tab.context().clearCookies(); else if (name === 'dashboard') await logIn(tab);
      await tab.goto(page(name, query));
      const unlabelled = await tab.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => el.type !== 'hidden' && !el.hidden)
        .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')
          && !(el.tagName === 'BUTTON' && el.textContent.trim()))
        .map((el) => el.outerHTML.slice(0, 120)));
      assert.deepEqual(unlabelled, [], `${name}: fields without a label`);
    }
  });

  check('a user who chooses English gets the pages in English', async (tab) => {
    const user = makeUser('viewer', 'english');
    await logIn(tab, user.login, user.password);
    assert.equal(await tab.getAttribute('html', 'lang'), 'fr');
    await tab.goto(page('account'));
    await tab.selectOption('#language', 'en');
    await Promise.all([tab.waitForURL(/page=account/), tab.click('#language-form button')]);
    await tab.locator('.flash-success', { hasText: 'Language saved.' }).waitFor();
    assert.equal(await tab.getAttribute('html', 'lang'), 'en');
    assert.match(await tab.locator('nav.mainnav').innerText(), /Dashboard/);
    // Kept for the next login.
    await logIn(tab, user.login, user.password);
    await tab.goto(page('jobs'));
    await tab.locator('h1', { hasText: 'Jobs' }).waitFor();
  });
});
