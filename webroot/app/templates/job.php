<?php
/**
 * One job. @var array $job  @var bool $live  @var string $level  @var list<string> $levels
 * @var array{rows: list<array>, total: int, next: ?string} $log  @var ?int $before
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$steps = $job['steps'] ?? [];
$documents = $job['documents'] ?? [];
$params = $job['params'] ?? [];
$stepNames = [];
foreach ($steps as $step) {
    $stepNames[(int)$step['position']] = (string)$step['activity'];
}
$attempts = [];
foreach ($steps as $step) {
    $attempts[(int)$step['attempt']][] = $step;
}
krsort($attempts);
$actionLabels = ['retry' => t('Retry'), 'resume' => t('Resume'), 'pause' => t('Pause'), 'cancel' => t('Cancel')];
?>
<div class="page-head">
  <h1><?= e(t('Job #{id}', ['id' => $job['id']])) ?> <span class="muted">· <?= e($job['flow']) ?></span></h1>
  <a class="btn" href="<?= e(url('jobs')) ?>"><?= e(t('All jobs')) ?></a>
</div>

<div id="job-live" data-live="<?= $live ? '2' : '' ?>">
<section class="card summary">
  <dl class="facts">
    <div><dt><?= e(t('Status')) ?></dt><dd id="job-status"><?= status_badge((string)$job['status']) ?></dd></div>
    <div><dt><?= e(t('Flow')) ?></dt><dd><a href="<?= e(url('flow', ['name' => $job['flow']])) ?>"><?= e($job['flow']) ?></a> <span class="muted">v<?= e($job['flow_version']) ?></span></dd></div>
    <div><dt><?= e(t('Partner')) ?></dt><dd><?= e($job['partner'] ?? '—') ?></dd></div>
    <div><dt><?= e(t('Attempt')) ?></dt><dd><?= e($job['attempt']) ?> / <?= e($job['max_attempts']) ?></dd></div>
    <div><dt><?= e(t('Node')) ?></dt><dd><?= e($job['node'] ?? '—') ?></dd></div>
    <div><dt><?= e(t('Submitted by')) ?></dt><dd><?= e($job['submitted_by'] ?? '—') ?></dd></div>
    <div><dt><?= e(t('Created')) ?></dt><dd class="time"><?= e(fmt_time($job['created_at'])) ?></dd></div>
    <div><dt><?= e(t('Started')) ?></dt><dd class="time"><?= e(fmt_time($job['started_at'] ?? null)) ?></dd></div>
    <div><dt><?= e(t('Finished')) ?></dt><dd class="time"><?= e(fmt_time($job['finished_at'] ?? null)) ?><?php $d = fmt_duration($job['started_at'] ?? null, $job['finished_at'] ?? null); if ($d !== ''): ?> <span class="muted">(<?= e($d) ?>)</span><?php endif ?></dd></div>
  </dl>
<?php if (!empty($job['error'])): ?>
  <div class="job-error" role="alert"><strong><?= e(t('Error:')) ?></strong> <?= e($job['error']) ?></div>
<?php endif ?>
<?php if (can('job.control') && $job['actions'] !== []): ?>
  <div class="actions job-actions">
<?php foreach ($job['actions'] as $action): ?>
    <form method="post" action="<?= e(url('job-action')) ?>" class="inline">
      <?= csrf_field() ?>
      <input type="hidden" name="id" value="<?= e($job['id']) ?>">
      <button type="submit" name="action" value="<?= e($action) ?>" class="btn<?= $action === 'retry' || $action === 'resume' ? ' btn-primary' : '' ?>"><?= e($actionLabels[$action] ?? $action) ?></button>
    </form>
<?php endforeach ?>
  </div>
<?php endif ?>
<?php if ($live): ?>
  <p class="muted small live-note"><?= e(t('This job is still in progress; the page refreshes by itself.')) ?></p>
<?php endif ?>
</section>

<?php if ($params !== []): ?>
<section class="card">
  <h2><?= e(t('Parameters')) ?></h2>
  <table class="table kv">
    <tbody>
<?php foreach ($params as $key => $value): ?>
      <tr><th scope="row"><?= e($key) ?></th><td><?= e($value) ?></td></tr>
<?php endforeach ?>
    </tbody>
  </table>
</section>
<?php endif ?>

<section class="card">
  <h2><?= e(t('Steps')) ?></h2>
<?php if ($steps === []): ?>
  <p class="empty"><?= e(t('No step has run yet.')) ?></p>
<?php else: ?>
<?php foreach ($attempts as $attempt => $attemptSteps): ?>
  <h3 class="attempt"><?= e(t('Attempt {n}', ['n' => $attempt])) ?></h3>
  <ol class="timeline" id="steps-attempt-<?= e($attempt) ?>">
<?php foreach ($attemptSteps as $step): ?>
    <li class="step step-<?= e($step['status']) ?>" data-step="<?= e($step['position']) ?>">
      <span class="step-dot" aria-hidden="true"></span>
      <div class="step-body">
        <div class="step-head"><strong><?= e($step['position'] + 1) ?>. <?= e($step['activity']) ?></strong> <?= status_badge((string)$step['status']) ?>
          <span class="muted small time"><?= e(fmt_time($step['started_at'])) ?></span>
          <?php $d = fmt_duration($step['started_at'], $step['finished_at'] ?? null); ?><?php if ($d !== ''): ?><span class="duration"><?= e($d) ?></span><?php endif ?></div>
<?php if (!empty($step['error'])): ?>
        <div class="step-error wrap"><?= e($step['error']) ?></div>
<?php endif ?>
      </div>
    </li>
<?php endforeach ?>
  </ol>
<?php endforeach ?>
<?php endif ?>
</section>

<section class="card">
  <h2><?= e(t('Documents')) ?></h2>
<?php if ($documents === []): ?>
  <p class="empty"><?= e(t('No documents.')) ?></p>
<?php else: ?>
  <table class="table" id="documents-table">
    <thead><tr><th scope="col"><?= e(t('Direction')) ?></th><th scope="col"><?= e(t('Name')) ?></th><th scope="col" class="num"><?= e(t('Size')) ?></th><th scope="col"><?= e(t('Step')) ?></th><th scope="col"><?= e(t('Open')) ?></th></tr></thead>
    <tbody>
<?php foreach ($documents as $doc): ?>
      <tr data-document-id="<?= e($doc['id']) ?>">
        <td><?php $dir = $doc['direction'] === 'in' ? 'in' : 'out'; ?><span class="dir dir-<?= $dir ?>"><?= e($dir === 'in' ? t('in') : t('out')) ?></span></td>
        <td class="docname"><?= e($doc['name']) ?></td>
        <td class="num" title="<?= e(tn((int)$doc['size'], '{n} byte', '{n} bytes')) ?>"><?= e(fmt_size((int)$doc['size'])) ?></td>
        <td><?php if ($doc['step'] === null): ?><span class="muted"><?= e(t('input')) ?></span><?php else: ?><?= e($doc['step'] + 1) ?> <span class="muted"><?= e($stepNames[(int)$doc['step']] ?? '') ?></span><?php endif ?></td>
        <td class="doc-links">
          <a href="<?= e(url('document', ['id' => $doc['id']])) ?>"><?= e(t('Preview')) ?><span class="visually-hidden"> <?= e($doc['name']) ?></span></a>
          <a href="<?= e(url('document', ['id' => $doc['id'], 'download' => 1])) ?>" download><?= e(t('Download')) ?><span class="visually-hidden"> <?= e($doc['name']) ?></span></a>
        </td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</section>

<section class="card">
  <div class="section-head">
    <h2><?= e(t('Log')) ?></h2>
    <nav class="levels small" aria-label="<?= e(t('Log level')) ?>">
      <a href="<?= e(url('job', ['id' => $job['id']])) ?>"<?= $level === '' ? ' aria-current="true"' : '' ?>><?= e(t('all')) ?></a>
<?php foreach ($levels as $l): ?>
      <a href="<?= e(url('job', ['id' => $job['id'], 'level' => $l])) ?>"<?= $level === $l ? ' aria-current="true"' : '' ?>><?= e($l) ?></a>
<?php endforeach ?>
    </nav>
  </div>
<?php if ($log['rows'] !== [] || $before !== null): ?>
  <?= keyset_pager('job', ['id' => $job['id']] + ($level === '' ? [] : ['level' => $level]), $before, $log['next'], t('Older lines »'),
      tn((int)$log['total'], '{shown} of {n} line', '{shown} of {n} lines', ['shown' => number(count($log['rows']))])) ?>
<?php endif ?>
<?php if ($log['rows'] === []): ?>
  <p class="empty"><?= e(t('No log lines.')) ?></p>
<?php else: ?>
  <table class="table log" id="log-table">
    <thead><tr><th scope="col"><?= e(t('Time')) ?></th><th scope="col"><?= e(t('Level')) ?></th><th scope="col"><?= e(t('Step')) ?></th><th scope="col"><?= e(t('Message')) ?></th></tr></thead>
    <tbody>
<?php foreach ($log['rows'] as $line): ?>
      <tr class="log-<?= e($line['level']) ?>">
        <td class="time"><?= e(fmt_time($line['at'])) ?></td>
        <td><span class="level"><?= e($line['level']) ?></span></td>
        <td class="num"><?= e($line['step'] === null ? '' : $line['step'] + 1) ?></td>
        <td class="wrap"><?= e($line['message']) ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</section>
</div>
