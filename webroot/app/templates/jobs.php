<?php
/**
 * The job list. @var ?array $jobs (null when it could not be loaded)  @var ?string $next
 * @var ?int $cursor  @var list<string> $errors  @var array $filter  @var int $limit
 * @var list<int> $limits  @var list<string> $flowNames
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$control = can('job.control');
$query = core_job_filter($filter) + ['limit' => $limit === $limits[0] ? null : $limit];
?>
<div class="page-head">
  <h1><?= e(t('Jobs')) ?></h1>
<?php if (can('job.run')): ?>
  <a class="btn btn-primary" href="<?= e(url('run', ['flow' => $filter['flow']])) ?>"><?= e(t('Run a flow')) ?></a>
<?php endif ?>
</div>
<?= error_boxes($errors) ?>
<form method="get" action="<?= e(script_path()) ?>" class="filters" role="search" aria-label="<?= e(t('Filter the jobs')) ?>">
  <input type="hidden" name="page" value="jobs">
  <label><?= e(t('Status')) ?>
    <select name="status"><option value=""><?= e(t('All')) ?></option><?= options(array_combine(JOB_STATUSES, array_map('Relais\Web\status_label', JOB_STATUSES)), $filter['status']) ?></select>
  </label>
  <label><?= e(t('Flow')) ?>
    <select name="flow"><option value=""><?= e(t('All')) ?></option><?= options(array_combine($flowNames, $flowNames) ?: [], $filter['flow']) ?></select>
  </label>
  <label><?= e(t('Partner')) ?>
    <input type="text" name="partner" value="<?= e($filter['partner']) ?>" size="12">
  </label>
  <label><?= e(t('Created from')) ?>
    <input type="text" name="from" value="<?= e($filter['from']) ?>" placeholder="<?= e(t('YYYY-MM-DD')) ?>" size="16" pattern="\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?">
  </label>
  <label><?= e(t('to')) ?>
    <input type="text" name="to" value="<?= e($filter['to']) ?>" placeholder="<?= e(t('YYYY-MM-DD')) ?>" size="16" pattern="\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?">
  </label>
  <label><?= e(t('Document name')) ?>
    <input type="text" name="text" value="<?= e($filter['text']) ?>" size="14" placeholder="<?= e(t('starts with…')) ?>">
  </label>
  <label><?= e(t('Show')) ?>
    <select name="limit"><?= options(array_combine($limits, $limits), (string)$limit) ?></select>
  </label>
  <button type="submit" class="btn"><?= e(t('Filter')) ?></button>
<?php if (job_filter_active($filter)): ?>
  <a href="<?= e(url('jobs')) ?>" class="btn btn-quiet"><?= e(t('Clear')) ?></a>
<?php endif ?>
</form>

<?php if ($jobs !== null): ?>
<form method="post" action="<?= e(url('jobs-bulk')) ?>" id="jobs-form">
<?php if ($control): ?>
  <?= csrf_field() ?>
<?php foreach (core_job_filter($filter) as $key => $value): ?>
  <input type="hidden" name="<?= e($key) ?>" value="<?= e($value) ?>">
<?php endforeach ?>
<?php endif ?>
<div id="jobs-live" data-live-rows="5" class="table-wrap">
<?php if ($jobs === []): ?>
  <p class="empty"><?= e(job_filter_active($filter) ? t('No job matches this filter.') : t('No job yet.')) ?></p>
<?php else: ?>
<?php if ($control): ?>
  <div class="bulkbar" role="group" aria-label="<?= e(t('Action on the selected jobs')) ?>">
    <button type="submit" name="action" value="retry" class="btn"><?= e(t('Retry the selected jobs')) ?></button>
    <button type="submit" name="action" value="cancel" class="btn"><?= e(t('Cancel the selected jobs')) ?></button>
    <label class="inline-check"><input type="checkbox" name="all_matching" value="1"> <?= e(t('all the jobs matching the filter (up to {n})', ['n' => number(10000)])) ?></label>
  </div>
<?php endif ?>
  <table class="table jobs-table" id="jobs-table">
    <caption class="visually-hidden"><?= e(t('Jobs, newest first')) ?></caption>
    <thead>
      <tr>
<?php if ($control): ?>
        <th scope="col" class="check"><input type="checkbox" id="select-all" aria-label="<?= e(t('Select all the jobs of this page')) ?>" hidden></th>
<?php endif ?>
        <th scope="col" class="num"><?= e(t('Job')) ?></th><th scope="col"><?= e(t('Flow')) ?></th><th scope="col"><?= e(t('Status')) ?></th>
        <th scope="col"><?= e(t('Partner')) ?></th><th scope="col" class="num"><?= e(t('Attempt')) ?></th>
        <th scope="col"><?= e(t('Created')) ?></th><th scope="col"><?= e(t('Finished')) ?></th><th scope="col"><?= e(t('Error')) ?></th>
      </tr>
    </thead>
    <tbody>
<?php foreach ($jobs as $job): ?>
<?php $final = in_array((string)$job['status'], FINAL_STATUSES, true); ?>
      <tr data-job-id="<?= e($job['id']) ?>"<?= $final ? '' : ' data-live-row' ?>>
<?php if ($control): ?>
        <td class="check"><input type="checkbox" name="ids[]" value="<?= e($job['id']) ?>" aria-label="<?= e(t('Select job #{id}', ['id' => $job['id']])) ?>"></td>
<?php endif ?>
        <td class="num"><a href="<?= e(url('job', ['id' => $job['id']])) ?>">#<?= e($job['id']) ?></a></td>
        <td><?= e($job['flow']) ?> <span class="muted">v<?= e($job['flow_version']) ?></span></td>
        <td data-live-cell="status"><?= status_badge((string)$job['status']) ?></td>
        <td><?= e($job['partner'] ?? '') ?></td>
        <td class="num" data-live-cell="attempt"><?= e($job['attempt']) ?></td>
        <td class="time"><?= e(fmt_time($job['created_at'])) ?></td>
        <td class="time" data-live-cell="finished"><?= e(fmt_time($job['finished_at'] ?? null)) ?></td>
        <td class="error-cell" data-live-cell="error"<?= !empty($job['error']) ? ' title="' . e($job['error']) . '"' : '' ?>><?= e($job['error'] ?? '') ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</div>
</form>
<?= keyset_pager('jobs', $query, $cursor, $next, t('Older jobs »'), tn(count($jobs), '{n} job on this page', '{n} jobs on this page')) ?>
<?php endif ?>
