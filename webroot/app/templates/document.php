<?php
/** A document and its preview. @var array $doc  @var array $preview */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;
?>
<div class="page-head">
  <h1><?= e($doc['name']) ?></h1>
  <div class="actions">
    <a class="btn btn-primary" href="<?= e(url('document', ['id' => $doc['id'], 'download' => 1])) ?>" download><?= e(t('Download')) ?></a>
    <a class="btn" href="<?= e(url('job', ['id' => $doc['job_id']])) ?>"><?= e(t('Job #{id}', ['id' => $doc['job_id']])) ?></a>
  </div>
</div>
<section class="card">
  <dl class="facts">
    <div><dt><?= e(t('Size')) ?></dt><dd><?= e(fmt_size((int)$doc['size'])) ?> <span class="muted">(<?= e(tn((int)$doc['size'], '{n} byte', '{n} bytes')) ?>)</span></dd></div>
    <div><dt><?= e(t('Direction')) ?></dt><dd><?= e($doc['direction'] === 'in' ? t('input') : t('output of step {n}', ['n' => $doc['step'] + 1])) ?></dd></div>
    <div><dt><?= e(t('Format')) ?></dt><dd id="preview-kind" data-kind="<?= e($preview['kind']) ?>"><?= e(match ($preview['kind']) {
        'edifact' => 'EDIFACT', 'text' => t('text'), default => t('binary') }) ?><?= $preview['encoding'] !== '' ? ' · ' . e($preview['encoding']) : '' ?></dd></div>
    <div class="wide"><dt>SHA-256</dt><dd><code class="hash"><?= e($doc['sha256']) ?></code></dd></div>
  </dl>
</section>
<section class="card">
  <h2><?= e(t('Preview')) ?></h2>
<?php if ($preview['kind'] === 'binary'): ?>
  <p class="empty"><?= e(t('This document is not text; download it to open it.')) ?></p>
<?php else: ?>
  <ol class="preview preview-<?= e($preview['kind']) ?>" id="preview">
<?php foreach ($preview['lines'] as $line): ?>
    <li><code><?= e($line) ?></code></li>
<?php endforeach ?>
  </ol>
<?php if ($preview['truncated']): ?>
  <p class="muted small"><?= e(t('Only the beginning of the document is shown; download it to see it all.')) ?></p>
<?php endif ?>
<?php endif ?>
</section>
