<?php
/**
 * The run-a-flow form. @var list<array> $flows (enabled ones)  @var string $flow
 * @var string $paramsText  @var list<string> $errors  @var string $maxUpload  @var int $maxFiles
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;
?>
<div class="page-head">
  <h1><?= e(t('Run a flow')) ?></h1>
</div>
<?php if ($errors !== []): ?>
<div class="flash flash-error" role="alert" id="form-errors">
<?php if (count($errors) === 1): ?>
  <?= e($errors[0]) ?>
<?php else: ?>
  <?= e(t('The job was not queued:')) ?>
  <ul>
<?php foreach ($errors as $message): ?>
    <li><?= e($message) ?></li>
<?php endforeach ?>
  </ul>
<?php endif ?>
</div>
<?php endif ?>

<section class="card">
<?php if ($flows === []): ?>
  <p class="empty"><?= e(t('No enabled flow can be run from here.')) ?></p>
<?php else: ?>
  <form method="post" action="<?= e(url('run')) ?>" enctype="multipart/form-data" class="form form-wide" id="run-form" data-upload-progress>
    <?= csrf_field() ?>
    <label for="flow"><?= e(t('Flow')) ?></label>
    <select id="flow" name="flow" required>
      <option value=""><?= e(t('— choose a flow —')) ?></option>
<?php foreach ($flows as $f): ?>
      <option value="<?= e($f['name']) ?>"<?= (string)$f['name'] === $flow ? ' selected' : '' ?>><?= e($f['name']) ?> (v<?= e($f['version']) ?>)<?= ($f['description'] ?? '') !== '' ? ' — ' . e($f['description']) : '' ?></option>
<?php endforeach ?>
    </select>

    <label for="files"><?= e(t('Files')) ?></label>
    <input type="file" id="files" name="files[]" multiple aria-describedby="files-hint">
    <p class="hint" id="files-hint"><?= e(t('One or more documents for the flow\'s first step; each at most {max}, {n} files at most.', ['max' => $maxUpload, 'n' => $maxFiles])) ?></p>

    <label for="params"><?= e(t('Parameters')) ?> <span class="muted"><?= e(t('(optional)')) ?></span></label>
    <textarea id="params" name="params" rows="4" spellcheck="false" placeholder="<?= e(t('key=value, one per line')) ?>" aria-describedby="params-hint"><?= e($paramsText) ?></textarea>
    <p class="hint" id="params-hint"><?= e(t('One key=value per line; lines starting with # are ignored. partner=CODE names the partner of the job.')) ?></p>

    <div class="progress-box" hidden>
      <label for="upload-progress"><?= e(t('Sending the files')) ?></label>
      <progress id="upload-progress" max="100" value="0"></progress>
    </div>
    <div class="actions">
      <button type="submit" class="btn btn-primary"><?= e(t('Queue the job')) ?></button>
      <a href="<?= e(url('jobs')) ?>" class="btn btn-quiet"><?= e(t('Cancel')) ?></a>
    </div>
  </form>
<?php endif ?>
</section>

<?php if ($flows !== []): ?>
<section class="card">
  <h2><?= e(t('Enabled flows')) ?></h2>
  <table class="table">
    <thead><tr><th scope="col"><?= e(t('Flow')) ?></th><th scope="col" class="num"><?= e(t('Version')) ?></th><th scope="col"><?= e(t('Trigger')) ?></th><th scope="col" class="num"><?= e(t('Steps')) ?></th><th scope="col"><?= e(t('Description')) ?></th></tr></thead>
    <tbody>
<?php foreach ($flows as $f): ?>
      <tr>
        <td><a href="<?= e(url('run', ['flow' => $f['name']])) ?>"><?= e($f['name']) ?></a></td>
        <td class="num"><?= e($f['version']) ?></td>
        <td><?= e($f['trigger'] ?? '') ?></td>
        <td class="num"><?= e($f['steps'] ?? '') ?></td>
        <td><?= e($f['description'] ?? '') ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
</section>
<?php endif ?>
