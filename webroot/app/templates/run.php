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
  <h1>Run a flow</h1>
</div>
<?php if ($errors !== []): ?>
<div class="flash flash-error" role="alert" id="form-errors">
<?php if (count($errors) === 1): ?>
  <?= e($errors[0]) ?>
<?php else: ?>
  The job was not queued:
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
  <p class="empty">No enabled flow can be run from here.</p>
<?php else: ?>
  <form method="post" action="<?= e(url('run')) ?>" enctype="multipart/form-data" class="form form-wide" id="run-form">
    <?= csrf_field() ?>
    <label for="flow">Flow</label>
    <select id="flow" name="flow" required>
      <option value="">— choose a flow —</option>
<?php foreach ($flows as $f): ?>
      <option value="<?= e($f['name']) ?>"<?= (string)$f['name'] === $flow ? ' selected' : '' ?>><?= e($f['name']) ?> (v<?= e($f['version']) ?>)<?= ($f['description'] ?? '') !== '' ? ' — ' . e($f['description']) : '' ?></option>
<?php endforeach ?>
    </select>

    <label for="files">Files</label>
    <input type="file" id="files" name="files[]" multiple>
    <p class="hint">One or more documents for the flow's first step; each at most <?= e($maxUpload) ?>, <?= e($maxFiles) ?> files at most.</p>

    <label for="params">Parameters <span class="muted">(optional)</span></label>
    <textarea id="params" name="params" rows="4" spellcheck="false" placeholder="key=value, one per line"><?= e($paramsText) ?></textarea>
    <p class="hint">One <code>key=value</code> per line; lines starting with <code>#</code> are ignored.</p>

    <div class="actions">
      <button type="submit" class="btn btn-primary">Queue the job</button>
      <a href="<?= e(url('jobs')) ?>" class="btn btn-quiet">Cancel</a>
    </div>
  </form>
<?php endif ?>
</section>

<?php if ($flows !== []): ?>
<section class="card">
  <h2>Enabled flows</h2>
  <table class="table">
    <thead><tr><th>Flow</th><th class="num">Version</th><th>Trigger</th><th class="num">Steps</th><th>Description</th></tr></thead>
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
