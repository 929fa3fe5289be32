// Keyboard navigation and labelled form fields on every page; French by default, English
// per user; every text of the site has its French translation.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserSuite, page, logIn, makeDocument, makeUser, unique } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PAGES = [['login', {}], ['dashboard', {}], ['jobs', {}], ['flows', {}], ['flow', { name: 'demo-deposit' }], ['flow', { new: 1 }],
  ['run', {}], ['users', {}], ['audit', {}], ['system', {}], ['account', {}], ['job', { id: 1 }], ['partners', {}], ['partner', { new: 1 }], ['mssante', {}]];

describe('accessibility and languages', () => {
  const { check } = browserSuite(import.meta.url);

  check('every text of the site has a French translation', { skip: false }, async () => {
    const missing = execFileSync('php', [join(here, 'catalogue_check.php'), join(here, '..', '..', 'webroot', 'app')], { encoding: 'utf8' });
    assert.equal(missing, '', 'texts without a French translation');
  });

  // The fields without a label (or a name, for buttons) of the page `tab` shows.
  const unlabelled = (tab) => tab.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter((el) => el.type !== 'hidden' && !el.hidden)
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')
      && !(el.tagName === 'BUTTON' && el.textContent.trim()))
    .map((el) => el.outerHTML.slice(0, 120)));

  // The skip link is the first stop of the keyboard (after a field the page focuses by
  // itself, as the login page does) and Enter on it moves the focus to the content.
  const checkSkipLink = async (tab, name) => {
    const autofocus = await tab.evaluate(() => document.activeElement?.hasAttribute('autofocus') ?? false);
    if (autofocus) {
      const first = await tab.evaluate(() => [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
        .find((el) => el.tabIndex >= 0 && !el.disabled && el.type !== 'hidden')?.className);
      assert.equal(first, 'skip-link', `${name}: the skip link is the first stop`);
      await tab.focus('.skip-link');
    } else {
      await tab.keyboard.press('Tab');
      assert.equal(await tab.evaluate(() => document.activeElement.className), 'skip-link', `${name}: Tab reaches the skip link first`);
    }
    await tab.keyboard.press('Enter');
    assert.equal(await tab.evaluate(() => document.activeElement.id), 'main', `${name}: the skip link moves the focus to the content`);
  };

  check('on every page the keyboard reaches the skip link first, it moves the focus to the content, and every field has a label', async (tab) => {
    const { doc } = await makeDocument('a11y');
    const partner = unique('A11Y').toUpperCase();
    const pages = [...PAGES, ['document', { id: doc }], ['partner', { code: partner }]];
    for (const [name, query] of pages) {
      if (name === 'login') await tab.context().clearCookies(); else if (name === 'dashboard') await logIn(tab);
      if (name === 'partner' && query.code) {
        // An existing partner's page: made here with the partner form.
        await tab.goto(page('partner', { new: 1 }));
        await tab.fill('#code', partner);
        await tab.fill('#name', 'Partenaire a11y');
        await Promise.all([tab.waitForURL(/[?&]code=/), tab.click('button[value=save]')]);
      }
      await tab.goto(page(name, query));
      assert.deepEqual(await unlabelled(tab), [], `${name}: fields without a label`);
      await tab.goto(page(name, query));
      await checkSkipLink(tab, `${name} ${JSON.stringify(query)}`);
    }
    // The bulk confirmation page, reached from the job list's form.
    await tab.goto(page('jobs'));
    await tab.locator('#jobs-table input[name="ids[]"]').first().check();
    await Promise.all([tab.waitForURL(/page=jobs-bulk/), tab.click('button[value=cancel]')]);
    await tab.locator('#bulk-question').waitFor();
    assert.deepEqual(await unlabelled(tab), [], 'jobs-bulk: fields without a label');
    await checkSkipLink(tab, 'jobs-bulk');
    // Then on from the skip link through the menu, in order.
    await tab.goto(page('dashboard'));
    const seen = [];
    for (let i = 0; i < 6; i++) {
      await tab.keyboard.press('Tab');
      seen.push(await tab.evaluate(() => document.activeElement.textContent.trim()));
    }
    assert.ok(seen.includes('Traitements') && seen.includes('Flux'), `Tab order: ${seen}`);
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

  check('every entry of the main menu is visible, on a laptop screen as on a narrow window', async (tab) => {
    await logIn(tab);
    for (const width of [1280, 1024, 800]) {
      await tab.setViewportSize({ width, height: 800 });
      await tab.goto(page('dashboard'));
      const links = await tab.locator('nav.mainnav a').all();
      assert.ok(links.length >= 9, `${links.length} menu entries`);
      for (const link of links) {
        const name = (await link.innerText()).trim();
        const box = await link.boundingBox();
        assert.ok(box, `${name} at ${width} px has no box`);
        assert.ok(box.x >= 0 && box.x + box.width <= width, `${name} at ${width} px goes past the window (${box.x} + ${box.width})`);
        // Not hidden behind a scrolled menu: the element under its centre is the link.
        const hit = await tab.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.textContent.trim(),
          [box.x + box.width / 2, box.y + box.height / 2]);
        assert.equal(hit, name, `${name} at ${width} px is covered or scrolled away`);
      }
    }
  });
});
