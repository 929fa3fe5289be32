<?php
/**
 * The job list. @var ?array $jobs (null when it could not be loaded)  @var list<string> $errors
 * @var string $status  @var string $flow  @var int $limit  @var list<int> $limits  @var list<string> $flowNames
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;
?>
<div class="page-head">
  <h1>Jobs</h1>
  <a class="btn btn-primary" href="<?= e(url('run', ['flow' => $flow])) ?>">Run a flow</a>
</div>
<?php foreach ($errors as $message): ?>
<div class="flash flash-error" role="alert"><?= e($message) ?></div>
<?php endforeach ?>
<form method="get" action="<?= e(script_path()) ?>" class="filters" role="search">
  <input type="hidden" name="page" value="jobs">
  <label>Status
    <select name="status">
      <option value="">All</option>
<?php foreach (JOB_STATUSES as $s): ?>
      <option value="<?= e($s) ?>"<?= $s === $status ? ' selected' : '' ?>><?= e($s) ?></option>
<?php endforeach ?>
    </select>
  </label>
  <label>Flow
    <select name="flow">
      <option value="">All</option>
<?php foreach ($flowNames as $name): ?>
      <option value="<?= e($name) ?>"<?= $name === $flow ? ' selected' : '' ?>><?= e($name) ?></option>
<?php endforeach ?>
    </select>
  </label>
  <label>Show
    <select name="limit">
<?php foreach ($limits as $n): ?>
      <option value="<?= e($n) ?>"<?= $n === $limit ? ' selected' : '' ?>><?= e($n) ?></option>
<?php endforeach ?>
    </select>
  </label>
  <button type="submit" class="btn">Filter</button>
<?php if ($status !== '' || $flow !== ''): ?>
  <a href="<?= e(url('jobs')) ?>" class="btn btn-quiet">Clear</a>
<?php endif ?>
</form>

<?php if ($jobs !== null): ?>
<div id="jobs-live" data-live="5" class="table-wrap">
<?php if ($jobs === []): ?>
  <p class="empty">No jobs<?= $status !== '' || $flow !== '' ? ' match this filter' : ' yet' ?>.</p>
<?php else: ?>
  <table class="table jobs-table" id="jobs-table">
    <thead>
      <tr><th class="num">Job</th><th>Flow</th><th>Status</th><th class="num">Attempt</th><th>Created</th><th>Finished</th><th>Error</th></tr>
    </thead>
    <tbody>
<?php foreach ($jobs as $job): ?>
<?php $href = url('job', ['id' => $job['id']]); ?>
      <tr data-job-id="<?= e($job['id']) ?>">
        <td class="num"><a href="<?= e($href) ?>">#<?= e($job['id']) ?></a></td>
        <td><?= e($job['flow']) ?><?php if (!empty($job['flow_version'])): ?> <span class="muted">v<?= e($job['flow_version']) ?></span><?php endif ?></td>
        <td><?= status_badge((string)$job['status']) ?></td>
        <td class="num"><?= e($job['attempt'] ?? '') ?></td>
        <td class="time"><?= e(fmt_time($job['created_at'] ?? null)) ?></td>
        <td class="time"><?= e(fmt_time($job['finished_at'] ?? null)) ?></td>
        <td class="error-cell"<?= !empty($job['error']) ? ' title="' . e($job['error']) . '"' : '' ?>><?= e($job['error'] ?? '') ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
  <p class="muted small">Showing the <?= e(count($jobs)) ?> most recent job<?= count($jobs) === 1 ? '' : 's' ?><?= count($jobs) >= $limit ? ' (limit ' . e($limit) . ')' : '' ?>.</p>
<?php endif ?>
</div>
<?php endif ?>
