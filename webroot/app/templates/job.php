<?php
/** One job. @var array $job  @var bool $live */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$steps = $job['steps'] ?? [];
$documents = $job['documents'] ?? [];
$log = $job['log'] ?? [];
$params = $job['params'] ?? [];
$stepNames = [];
foreach ($steps as $step) {
    $stepNames[(int)$step['position']] = (string)$step['activity'];
}
?>
<div class="page-head">
  <h1>Job #<?= e($job['id']) ?> <span class="muted">· <?= e($job['flow']) ?></span></h1>
  <a class="btn" href="<?= e(url('jobs')) ?>">All jobs</a>
</div>

<div id="job-live" data-live="<?= $live ? '3' : '' ?>">
<section class="card summary">
  <dl class="facts">
    <div><dt>Status</dt><dd id="job-status"><?= status_badge((string)$job['status']) ?></dd></div>
    <div><dt>Flow</dt><dd><a href="<?= e(url('jobs', ['flow' => $job['flow']])) ?>"><?= e($job['flow']) ?></a> <span class="muted">v<?= e($job['flow_version'] ?? '?') ?></span></dd></div>
    <div><dt>Attempt</dt><dd><?= e($job['attempt'] ?? '') ?></dd></div>
    <div><dt>Priority</dt><dd><?= e($job['priority'] ?? '') ?></dd></div>
    <div><dt>Node</dt><dd><?= e($job['node'] ?? '—') ?></dd></div>
    <div><dt>Created</dt><dd class="time"><?= e(fmt_time($job['created_at'] ?? null)) ?></dd></div>
    <div><dt>Started</dt><dd class="time"><?= e(fmt_time($job['started_at'] ?? null)) ?></dd></div>
    <div><dt>Finished</dt><dd class="time"><?= e(fmt_time($job['finished_at'] ?? null)) ?><?php $d = fmt_duration($job['started_at'] ?? null, $job['finished_at'] ?? null); if ($d !== ''): ?> <span class="muted">(<?= e($d) ?>)</span><?php endif ?></dd></div>
  </dl>
<?php if (!empty($job['error'])): ?>
  <div class="job-error" role="alert"><strong>Error:</strong> <?= e($job['error']) ?></div>
<?php endif ?>
<?php if ($live): ?>
  <p class="muted small live-note">This job is still in progress; the page refreshes by itself.</p>
<?php endif ?>
</section>

<?php if ($params !== []): ?>
<section class="card">
  <h2>Parameters</h2>
  <table class="table kv">
    <tbody>
<?php foreach ($params as $key => $value): ?>
      <tr><th scope="row"><?= e($key) ?></th><td><?= e(is_scalar($value) || $value === null ? $value : json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)) ?></td></tr>
<?php endforeach ?>
    </tbody>
  </table>
</section>
<?php endif ?>

<section class="card">
  <h2>Steps</h2>
<?php if ($steps === []): ?>
  <p class="empty">No step has run yet.</p>
<?php else: ?>
  <table class="table" id="steps-table">
    <thead><tr><th class="num">#</th><th>Activity</th><th>Status</th><th>Started</th><th>Finished</th><th>Error</th></tr></thead>
    <tbody>
<?php foreach ($steps as $step): ?>
      <tr>
        <td class="num"><?= e($step['position']) ?></td>
        <td><?= e($step['activity']) ?></td>
        <td><?= status_badge((string)$step['status']) ?></td>
        <td class="time"><?= e(fmt_time($step['started_at'] ?? null)) ?></td>
        <td class="time"><?= e(fmt_time($step['finished_at'] ?? null)) ?></td>
        <td class="error-cell wrap"><?= e($step['error'] ?? '') ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</section>

<section class="card">
  <h2>Documents</h2>
<?php if ($documents === []): ?>
  <p class="empty">No documents.</p>
<?php else: ?>
  <table class="table" id="documents-table">
    <thead><tr><th>Direction</th><th>Name</th><th class="num">Size</th><th>Step</th><th>SHA-256</th></tr></thead>
    <tbody>
<?php foreach ($documents as $doc): ?>
      <tr>
        <td><?php $dir = ($doc['direction'] ?? '') === 'in' ? 'in' : 'out'; ?><span class="dir dir-<?= $dir ?>"><?= $dir ?></span></td>
        <td class="docname"><?= e($doc['name']) ?></td>
        <td class="num" title="<?= e($doc['size'] ?? 0) ?> bytes"><?= e(fmt_size((int)($doc['size'] ?? 0))) ?></td>
        <td><?php if (($doc['step'] ?? null) === null): ?><span class="muted">input</span><?php else: ?><?= e($doc['step']) ?><?php if (isset($stepNames[(int)$doc['step']])): ?> <span class="muted"><?= e($stepNames[(int)$doc['step']]) ?></span><?php endif ?><?php endif ?></td>
        <td class="hash" title="<?= e($doc['sha256'] ?? '') ?>"><code><?= e(substr((string)($doc['sha256'] ?? ''), 0, 16)) ?>…</code></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</section>

<section class="card">
  <h2>Log</h2>
<?php if ($log === []): ?>
  <p class="empty">No log lines.</p>
<?php else: ?>
  <table class="table log" id="log-table">
    <thead><tr><th>Time</th><th>Level</th><th>Message</th></tr></thead>
    <tbody>
<?php foreach ($log as $line): ?>
<?php $level = strtolower((string)($line['level'] ?? '')); ?>
      <tr class="log-<?= e(preg_replace('/[^a-z]/', '', $level)) ?>">
        <td class="time"><?= e(fmt_time($line['at'] ?? null)) ?></td>
        <td><span class="level"><?= e($level) ?></span></td>
        <td class="wrap"><?= e($line['message'] ?? '') ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</section>
</div>
