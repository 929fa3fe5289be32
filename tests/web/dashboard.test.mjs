// The dashboard's other panels: the content store's disk meter against the file
// system's own figures, the jobs-per-hour chart's bars for the jobs just run, and an
// engine node that stopped shown as dead next to the live one.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { browserSuite, env, page, logIn, makeDocument, makeFlow, relais, sleep, submit, unique, waitForStatus } from './lib.mjs';

/** The value of `key` in [section] of an INI text. */
function iniValue(text, section, key) {
  let current = '';
  for (const line of text.split('\n')) {
    const head = line.match(/^\s*\[([^\]]+)\]/);
    if (head) current = head[1];
    const kv = line.match(/^\s*([^=;#\s]+)\s*=\s*(.*?)\s*$/);
    if (kv && current === section && kv[1] === key) return kv[2];
  }
  return undefined;
}

describe('dashboard panels', () => {
  const { check } = browserSuite(import.meta.url);

  check('the store meter shows the disk of the content store as the file system counts it', async (tab) => {
    const store = iniValue(await readFile(env.config, 'utf8'), 'store', 'path');
    await logIn(tab);
    await tab.goto(page('dashboard'));
    const panel = tab.locator('section[aria-labelledby="store-title"]');
    assert.equal(await panel.locator('code').innerText(), store);
    const meter = Number(await tab.locator('#store-meter').getAttribute('value'));
    const text = await panel.innerText();
    const pct = Number(text.match(/\((\d+) %\)/)?.[1]);
    assert.equal(meter, pct, `meter ${meter} and text "${text}"`);
    const fsStats = await statfs(store);
    const expected = Math.round(100 * (fsStats.blocks - fsStats.bfree) / fsStats.blocks);
    assert.ok(Math.abs(meter - expected) <= 1, `meter ${meter} %, the file system says ${expected} %`);
    assert.match(text, /utilisés sur .* libres/);
  });

  check('the chart has the bars of the jobs just run, succeeded and failed, sized by their counts', async (tab) => {
    const { job } = await makeDocument('chart-ok');
    const failed = submit(await makeFlow('chart-fail', [{ activity: 'exec', with: { program: '/bin/false' } }]));
    await waitForStatus(failed, ['failed']);
    // The hour (UTC) of each job's bar.
    const hourOf = (id) => JSON.parse(relais(['show', String(id), '--json'])).created_at.slice(11, 13);
    await logIn(tab);
    await tab.goto(page('dashboard'));
    const bars = {};
    for (const [part, id] of [['succeeded', job], ['failed', failed]]) {
      const hour = hourOf(id);
      const bar = tab.locator(`svg.chart rect.bar-${part}`, { has: tab.locator('title', { hasText: `${hour}:00 — ` }) });
      assert.equal(await bar.count(), 1, `one ${part} bar for ${hour}:00`);
      const title = await bar.locator('title').textContent();
      const m = title.match(/(\d+) réussis, (\d+) en échec, (\d+) autres/);
      assert.ok(m, title);
      bars[part] = { height: Number(await bar.getAttribute('height')), count: Number(part === 'succeeded' ? m[1] : m[2]) };
      assert.ok(bars[part].count >= 1, title);
    }
    // Heights in proportion to the counts (one scale for the whole chart).
    const ratio = (bars.succeeded.height / bars.succeeded.count) / (bars.failed.height / bars.failed.count);
    assert.ok(Math.abs(ratio - 1) < 0.01, JSON.stringify(bars));
    assert.match(await tab.locator('svg.chart desc').textContent(), /traitements? créés?/);
  });

  check('an engine node that stopped is shown dead, with its last heartbeat, next to the live one', async (tab) => {
    const node = unique('dead-node');
    const dir = await mkdtemp(join(tmpdir(), 'relais-web-node-'));
    const ini = join(dir, 'relais.ini');
    // The shared configuration, as another node: its own name, one worker.
    const text = await readFile(env.config, 'utf8');
    await writeFile(ini, text.replace(/^node\s*=.*$/m, `node = ${node}`).replace(/^workers\s*=.*$/m, 'workers = 1'));
    assert.equal(iniValue(await readFile(ini, 'utf8'), 'engine', 'node'), node);
    const daemon = spawn(join(dirname(env.cli), 'relaisd'), ['--config', ini], { stdio: 'ignore' });
    const exited = new Promise((resolve) => daemon.on('exit', (code, signal) => resolve({ code, signal })));
    try {
      await logIn(tab);
      await tab.goto(page('dashboard'));
      const row = tab.locator(`#nodes-table tr[data-node="${node}"]`);
      // The dashboard refreshes by itself: the node appears, alive.
      await row.locator('[data-alive="1"]').waitFor({ timeout: 20_000 });
      daemon.kill('SIGTERM');
      assert.deepEqual(await Promise.race([exited, sleep(15_000).then(() => 'still running')]), { code: 0, signal: null });
      await row.locator('[data-alive="0"]', { hasText: 'arrêté' }).waitFor({ timeout: 20_000 });
      assert.match(await row.locator('td.time').innerText(), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      await tab.locator('#nodes-table [data-alive="1"]').first().waitFor();
    } finally {
      if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
