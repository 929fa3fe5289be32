<?php
/**
 * The partner applications. @var list<array> $applications  @var list<string> $services
 * @var list<string> $errors  @var ?array $editing (the application the form changes, if any)
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$edit = can('user.manage');
$serviceLabels = ['pa' => t('PA dossiers (/ws/pa)'), 'exchange' => t('exchange (/ws/exchange)')];
?>
<div class="page-head">
  <h1><?= e(t('Partner applications')) ?></h1>
  <a class="btn" href="<?= e(url('dossiers')) ?>"><?= e(t('PA dossiers')) ?></a>
</div>
<?= error_boxes($errors) ?>
<div class="table-wrap">
<?php if ($applications === []): ?>
  <p class="empty"><?= e(t('No application yet.')) ?></p>
<?php else: ?>
  <table class="table" id="applications-table">
    <thead><tr>
      <th scope="col"><?= e(t('Name')) ?></th><th scope="col"><?= e(t('Services')) ?></th><th scope="col"><?= e(t('User name')) ?></th>
      <th scope="col"><?= e(t('Certificate (SHA-256)')) ?></th><th scope="col"><?= e(t('State')) ?></th>
<?php if ($edit): ?><th scope="col"><?= e(t('Actions')) ?></th><?php endif ?>
    </tr></thead>
    <tbody>
<?php foreach ($applications as $a): ?>
      <tr data-application="<?= e($a['name']) ?>">
        <td><?php if ($edit): ?><a href="<?= e(url('applications', ['edit' => $a['name']])) ?>#application-form"><?= e($a['name']) ?></a><?php else: ?><?= e($a['name']) ?><?php endif ?></td>
        <td><?= e(implode(', ', array_map(static fn (string $s): string => $serviceLabels[$s] ?? $s, $a['services']))) ?></td>
        <td><code><?= e($a['username'] ?? '') ?></code><?php if ($a['username'] !== null && !$a['has_secret']): ?> <span class="badge badge-warn"><?= e(t('no secret yet')) ?></span><?php endif ?></td>
        <td><code class="small"><?= e($a['cert_sha256'] ?? '') ?></code></td>
        <td><span class="badge <?= $a['enabled'] ? 'badge-succeeded' : 'badge-cancelled' ?>"><?= e($a['enabled'] ? t('enabled') : t('disabled')) ?></span></td>
<?php if ($edit): ?>
        <td>
          <form method="post" action="<?= e(url('applications')) ?>" class="inline">
            <?= csrf_field() ?><input type="hidden" name="name" value="<?= e($a['name']) ?>">
<?php if ($a['username'] !== null): ?>
            <button type="submit" name="do" value="secret" class="btn"><?= e(t('New secret')) ?></button>
<?php endif ?>
<?php if ($a['cert_sha256'] !== null): ?>
            <button type="submit" name="do" value="remove-certificate" class="btn"><?= e(t('Remove certificate')) ?></button>
<?php endif ?>
            <button type="submit" name="do" value="remove" class="btn btn-danger"><?= e(t('Remove')) ?></button>
          </form>
          <form method="post" action="<?= e(url('applications')) ?>" enctype="multipart/form-data" class="inline">
            <?= csrf_field() ?><input type="hidden" name="name" value="<?= e($a['name']) ?>">
            <label for="cert-<?= e($a['id']) ?>"><?= e(t('Client certificate')) ?></label>
            <input type="file" id="cert-<?= e($a['id']) ?>" name="certificate" accept=".pem,.crt,.cer,.der">
            <button type="submit" name="do" value="certificate" class="btn"><?= e(t('Upload')) ?></button>
          </form>
        </td>
<?php endif ?>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</div>
<?php if ($edit): ?>
<section class="card">
  <h2><?= e(t('Add or change an application')) ?></h2>
  <form method="post" action="<?= e(url('applications')) ?>" class="form" id="application-form">
    <?= csrf_field() ?>
    <label for="app-name"><?= e(t('Name')) ?></label>
    <input type="text" id="app-name" name="name" required maxlength="64" pattern="[A-Za-z0-9._\-]+" value="<?= e($editing['name'] ?? '') ?>">
    <fieldset>
      <legend><?= e(t('Services')) ?></legend>
<?php foreach ($services as $s): ?>
      <label><input type="checkbox" name="services[]" value="<?= e($s) ?>"<?= in_array($s, $editing['services'] ?? [], true) ? ' checked' : '' ?>> <?= e($serviceLabels[$s]) ?></label>
<?php endforeach ?>
    </fieldset>
    <label for="app-user"><?= e(t('User name (HTTP Basic over TLS; empty: certificate only)')) ?></label>
    <input type="text" id="app-user" name="username" maxlength="64" pattern="[A-Za-z0-9._\-]*" value="<?= e($editing['username'] ?? '') ?>">
    <label for="app-enabled"><?= e(t('State')) ?></label>
    <select id="app-enabled" name="enabled"><option value="1"><?= e(t('enabled')) ?></option><option value="0"<?= ($editing['enabled'] ?? true) ? '' : ' selected' ?>><?= e(t('disabled')) ?></option></select>
    <button type="submit" name="do" value="save" class="btn btn-primary"><?= e(t('Save')) ?></button>
  </form>
</section>
<?php endif ?>
