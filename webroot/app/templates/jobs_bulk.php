<?php
/**
 * Confirmation of a bulk action. @var string $action (retry|cancel)  @var list<int> $ids
 * @var array $filter  @var string $back
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$n = count($ids);
?>
<section class="card confirm-card">
  <h1><?= e($action === 'retry' ? t('Retry jobs') : t('Cancel jobs')) ?></h1>
  <p id="bulk-question"><?= e($action === 'retry'
      ? tn($n, 'Retry {n} job?', 'Retry {n} jobs?')
      : tn($n, 'Cancel {n} job?', 'Cancel {n} jobs?')) ?></p>
  <p class="muted small"><?= e($action === 'retry'
      ? t('Only failed or cancelled jobs run again; the others are left as they are and listed afterwards.')
      : t('Running jobs stop after their current step; finished jobs are left as they are.')) ?></p>
  <p class="small ids"><?= e(implode(', ', array_map(static fn (int $id) => '#' . $id, array_slice($ids, 0, 50)))) ?><?= $n > 50 ? ' …' : '' ?></p>
  <form method="post" action="<?= e(url('jobs-bulk')) ?>" id="bulk-form" data-chunked="200"
      data-done-text="<?= e(t('Done: {done} jobs changed, {refused} left as they were.')) ?>" data-back-text="<?= e(t('Back to the jobs')) ?>">
    <?= csrf_field() ?>
    <input type="hidden" name="action" value="<?= e($action) ?>">
    <input type="hidden" name="confirm" value="1">
    <input type="hidden" name="ids" value="<?= e(implode(',', $ids)) ?>">
<?php foreach ($filter as $key => $value): ?>
    <input type="hidden" name="<?= e($key) ?>" value="<?= e($value) ?>">
<?php endforeach ?>
    <div class="actions">
      <button type="submit" class="btn btn-primary" id="bulk-confirm"><?= e($action === 'retry'
          ? tn($n, 'Yes, retry {n} job', 'Yes, retry {n} jobs')
          : tn($n, 'Yes, cancel {n} job', 'Yes, cancel {n} jobs')) ?></button>
      <a class="btn btn-quiet" href="<?= e($back) ?>"><?= e(t('No, go back')) ?></a>
    </div>
    <div class="progress-box" hidden>
      <label for="bulk-progress"><?= e(t('Progress')) ?></label>
      <progress id="bulk-progress" max="<?= e($n) ?>" value="0"></progress>
      <p class="small" id="bulk-status" role="status" aria-live="polite"></p>
    </div>
  </form>
</section>
