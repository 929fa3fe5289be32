// Uploads and downloads: an uploaded file is kept outside the web root (its name and
// its store path answer 404, its bytes are in no file under webroot/), a large upload
// shows its progress bar up to 100 %, and a document cannot be downloaded without a
// session (the login page, not the bytes).
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserSuite, env, page, logIn, makeFlow, unique } from './lib.mjs';

const webroot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'webroot');

/** The files under dir whose bytes contain `needle`. */
async function filesContaining(dir, needle) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.path ?? entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) found.push(path);
  }
  return found;
}

/** Runs `flow` from the run page with one file; returns the job id (its page is open). */
async function runWithUpload(tab, flow, file) {
  await tab.goto(page('run'));
  await tab.selectOption('#flow', flow);
  await tab.setInputFiles('#files', file);
  await Promise.all([tab.waitForURL(/[?&]page=job\b/, { timeout: 60_000 }), tab.click('#run-form button[type=submit]')]);
  return Number(new URL(tab.url()).searchParams.get('id'));
}

describe('uploads and downloads', () => {
  const suite = browserSuite(import.meta.url);
  const { check } = suite;
  const name = `${unique('upload')}.txt`;
  const content = Buffer.from(`uploaded by the browser test ${randomBytes(8).toString('hex')}\n`);
  let flow;
  let documentId;

  check('an uploaded file is stored outside the web root: its name answers 404 and no file under webroot/ holds it', async (tab) => {
    await logIn(tab);
    flow = await makeFlow('upload', [{ activity: 'noop' }]);
    const job = await runWithUpload(tab, flow, { name, mimeType: 'text/plain', buffer: content });
    const row = tab.locator('#documents-table tr[data-document-id]', { hasText: name });
    documentId = Number(await row.getAttribute('data-document-id'));
    assert.ok(job > 0 && documentId > 0);

    const sha = createHash('sha256').update(content).digest('hex');
    const storePath = `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
    const base = env.url.endsWith('/') ? env.url : env.url + '/';
    for (const path of [name, `uploads/${name}`, `tmp/${name}`, `tmp/uploads/${name}`, `var/${name}`, sha, storePath, `store/${storePath}`]) {
      const response = await tab.request.get(new URL(path, base).toString(), { maxRedirects: 0 });
      assert.equal(response.status(), 404, `GET /${path}`);
      assert.ok(!(await response.body()).includes(content), `GET /${path} sent the file`);
    }
    assert.deepEqual(await filesContaining(webroot, content), [], 'the upload is in a file under webroot/');
  });

  check('a large upload shows its progress bar, which reaches 100', async (tab) => {
    await logIn(tab);
    // The page reports what its bar shows, across the navigation to the job page.
    const seen = { visible: false, values: [] };
    await tab.exposeFunction('relaisProgress', (visible, value) => {
      seen.visible ||= visible;
      seen.values.push(value);
    }).catch(() => {}); // exposed once per page; a retry of this test finds it there
    await tab.goto(page('run'));
    await tab.evaluate(() => {
      const bar = document.querySelector('#upload-progress');
      const box = bar.closest('.progress-box');
      new MutationObserver(() => window.relaisProgress(!box.hidden, bar.value))
        .observe(document.querySelector('#run-form'), { attributes: true, subtree: true, attributeFilter: ['hidden', 'value'] });
    });
    assert.equal(await tab.locator('#upload-progress').isVisible(), false, 'no bar before sending');
    await tab.selectOption('#flow', flow);
    await tab.setInputFiles('#files', { name: 'large.bin', mimeType: 'application/octet-stream', buffer: randomBytes(8 * 1024 * 1024) });
    // Slow the upload down so that the bar moves in steps rather than in one.
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 4 * 1024 * 1024 });
    try {
      await Promise.all([tab.waitForURL(/[?&]page=job\b/, { timeout: 60_000 }), tab.click('#run-form button[type=submit]')]);
    } finally {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.detach();
    }
    await tab.locator('#documents-table td.docname', { hasText: 'large.bin' }).waitFor();
    assert.ok(seen.visible, `the progress bar was shown (${JSON.stringify(seen)})`);
    assert.equal(Math.max(...seen.values), 100, `the bar reached 100: ${seen.values}`);
    assert.ok(seen.values.some((v) => v > 0 && v < 100), `the bar moved in steps: ${seen.values}`);
  });

  check('after logout a document download goes to the login page, without the document', async (tab) => {
    assert.ok(documentId, 'the upload test stored a document');
    await logIn(tab);
    const download = page('document', { id: documentId, download: 1 });
    const ok = await tab.request.get(download);
    assert.equal(ok.status(), 200);
    assert.deepEqual(await ok.body(), content, 'logged in, the download works');
    await tab.goto(page('dashboard'));
    await Promise.all([tab.waitForURL(/[?&]page=login\b/), tab.click('form[action*="page=logout"] button')]);
    for (const url of [download, page('document', { id: documentId })]) {
      const response = await tab.request.get(url, { maxRedirects: 0 });
      assert.ok([302, 303].includes(response.status()), `${url}: ${response.status()}`);
      assert.match(response.headers().location, /[?&]page=login\b/);
      assert.ok(!(await response.body()).includes(content), 'no document bytes');
      assert.doesNotMatch(response.headers()['content-disposition'] ?? '', /attachment/);
    }
    await tab.goto(download).catch(() => {}); // a navigation, as a bookmarked link would be
    assert.match(tab.url(), /[?&]page=login\b/);
  });
});
