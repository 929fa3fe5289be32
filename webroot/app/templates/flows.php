<?php
/** The flow list. @var ?list<array> $flows  @var array $lastJobs  @var list<string> $errors */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;
?>
<div class="page-head">
  <h1><?= e(t('Flows')) ?></h1>
<?php if (can('flow.edit')): ?>
  <a class="btn btn-primary" href="<?= e(url('flow', ['new' => 1])) ?>"><?= e(t('New flow')) ?></a>
<?php endif ?>
</div>
<?= error_boxes($errors) ?>
<?php if ($flows !== null): ?>
<div class="table-wrap">
<?php if ($flows === []): ?>
  <p class="empty"><?= e(t('No flow yet.')) ?></p>
<?php else: ?>
  <table class="table" id="flows-table">
    <thead><tr>
      <th scope="col"><?= e(t('Flow')) ?></th><th scope="col"><?= e(t('State')) ?></th><th scope="col" class="num"><?= e(t('Version')) ?></th>
      <th scope="col"><?= e(t('Trigger')) ?></th><th scope="col" class="num"><?= e(t('Steps')) ?></th><th scope="col"><?= e(t('Last run')) ?></th><th scope="col"><?= e(t('Actions')) ?></th>
    </tr></thead>
    <tbody>
<?php foreach ($flows as $f): ?>
<?php $last = $lastJobs[$f['name']] ?? null; ?>
      <tr data-flow="<?= e($f['name']) ?>">
        <td><a href="<?= e(url('flow', ['name' => $f['name']])) ?>"><?= e($f['name']) ?></a><?php if ($f['description'] !== ''): ?><br><span class="muted small"><?= e($f['description']) ?></span><?php endif ?></td>
        <td><span class="badge <?= $f['enabled'] ? 'badge-succeeded' : 'badge-cancelled' ?>" data-enabled="<?= $f['enabled'] ? '1' : '0' ?>"><?= e($f['enabled'] ? t('enabled') : t('disabled')) ?></span></td>
        <td class="num"><?= e($f['version']) ?></td>
        <td><?= e($f['trigger']) ?></td>
        <td class="num"><?= e($f['steps']) ?></td>
        <td><?php if ($last === null): ?><span class="muted"><?= e(t('never')) ?></span><?php else: ?><a href="<?= e(url('job', ['id' => $last['id']])) ?>">#<?= e($last['id']) ?></a> <?= status_badge((string)$last['status']) ?> <span class="time small"><?= e(fmt_time($last['created_at'])) ?></span><?php endif ?></td>
        <td class="row-actions">
<?php if (can('job.run') && $f['enabled']): ?>
          <a class="btn btn-small" href="<?= e(url('run', ['flow' => $f['name']])) ?>"><?= e(t('Run')) ?><span class="visually-hidden"> <?= e($f['name']) ?></span></a>
<?php endif ?>
<?php if (can('flow.edit')): ?>
          <form method="post" action="<?= e(url('flow', ['name' => $f['name']])) ?>" class="inline">
            <?= csrf_field() ?>
            <input type="hidden" name="enabled" value="<?= $f['enabled'] ? '0' : '1' ?>">
            <button type="submit" name="do" value="enable" class="btn btn-small"><?= e($f['enabled'] ? t('Disable') : t('Enable')) ?><span class="visually-hidden"> <?= e($f['name']) ?></span></button>
          </form>
<?php endif ?>
        </td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</div>
<?php endif ?>
