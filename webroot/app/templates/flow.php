<?php
/**
 * One flow. @var string $name  @var ?array $flow  @var list<array> $versions  @var string $text
 * @var list<array> $lines (the edited JSON line by line, when there are errors)
 * @var list<array{field: string, message: string}> $errors  @var ?list<array> $diff
 * @var list<string> $diffErrors  @var ?int $from  @var ?int $to
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$edit = can('flow.edit');
$current = $versions[0]['version'] ?? null;
// Errors by the line they belong to.
$byLine = [];
foreach ($errors as $err) {
    $byLine[$lines === [] ? -1 : json_error_line($lines, (string)$err['field'])][] = $err;
}
?>
<div class="page-head">
  <h1><?= $flow === null ? e(t('New flow')) : e(t('Flow {name}', ['name' => $name])) ?></h1>
<?php if ($flow !== null): ?>
  <div class="actions">
<?php if (can('job.run') && $flow['enabled']): ?>
    <a class="btn btn-primary" href="<?= e(url('run', ['flow' => $name])) ?>"><?= e(t('Run now')) ?></a>
<?php endif ?>
<?php if ($edit): ?>
    <form method="post" action="<?= e(url('flow', ['name' => $name])) ?>" class="inline">
      <?= csrf_field() ?>
      <input type="hidden" name="back" value="flow">
      <input type="hidden" name="enabled" value="<?= $flow['enabled'] ? '0' : '1' ?>">
      <button type="submit" name="do" value="enable" class="btn"><?= e($flow['enabled'] ? t('Disable') : t('Enable')) ?></button>
    </form>
<?php endif ?>
    <a class="btn" href="<?= e(url('jobs', ['flow' => $name])) ?>"><?= e(t('Its jobs')) ?></a>
  </div>
<?php endif ?>
</div>

<?php if ($flow !== null): ?>
<section class="card">
  <dl class="facts">
    <div><dt><?= e(t('State')) ?></dt><dd><span class="badge <?= $flow['enabled'] ? 'badge-succeeded' : 'badge-cancelled' ?>" id="flow-state"><?= e($flow['enabled'] ? t('enabled') : t('disabled')) ?></span></dd></div>
    <div><dt><?= e(t('Version')) ?></dt><dd><?= e($flow['version']) ?><?= $flow['version'] !== $current ? ' ' . e(t('(current: {n})', ['n' => $current])) : '' ?></dd></div>
    <div><dt><?= e(t('Trigger')) ?></dt><dd><?= e($flow['trigger']) ?></dd></div>
    <div><dt><?= e(t('Steps')) ?></dt><dd><?= e($flow['steps']) ?></dd></div>
    <div><dt><?= e(t('Saved')) ?></dt><dd class="time"><?= e(fmt_time($flow['created_at'])) ?></dd></div>
  </dl>
<?php if ($flow['description'] !== ''): ?>
  <p><?= e($flow['description']) ?></p>
<?php endif ?>
</section>
<?php endif ?>

<?php if ($errors !== []): ?>
<div class="flash flash-error" role="alert" id="flow-errors">
  <?= e(tn(count($errors), 'The flow was not saved: {n} problem.', 'The flow was not saved: {n} problems.')) ?>
  <ul>
<?php foreach ($errors as $err): ?>
    <li><?php if ($err['field'] !== ''): ?><code><?= e($err['field']) ?></code>: <?php endif ?><?= e($err['message']) ?></li>
<?php endforeach ?>
  </ul>
</div>
<?php if ($lines !== []): ?>
<section class="card">
  <h2><?= e(t('Where the problems are')) ?></h2>
  <ol class="json-lines" id="json-lines">
<?php foreach ($lines as $i => $line): ?>
    <li id="L<?= e($i + 1) ?>"<?= isset($byLine[$i]) ? ' class="has-error"' : '' ?>><code><?= e($line['text']) ?></code>
<?php foreach ($byLine[$i] ?? [] as $err): ?>
      <span class="field-error" data-field="<?= e($err['field']) ?>"><?= e($err['field']) ?>: <?= e($err['message']) ?></span>
<?php endforeach ?>
    </li>
<?php endforeach ?>
  </ol>
</section>
<?php endif ?>
<?php endif ?>

<section class="card">
  <h2><?= e($edit ? t('Definition (JSON)') : t('Definition')) ?></h2>
<?php if ($edit): ?>
  <form method="post" action="<?= e(url('flow', $name === '' ? ['new' => 1] : ['name' => $name])) ?>" class="form" id="flow-form">
    <?= csrf_field() ?>
    <label for="definition" class="visually-hidden"><?= e(t('Definition (JSON)')) ?></label>
    <textarea id="definition" name="definition" rows="<?= e(min(40, max(12, substr_count($text, "\n") + 2))) ?>" spellcheck="false"<?= $errors !== [] ? ' aria-invalid="true" aria-describedby="flow-errors"' : '' ?>><?= e($text) ?></textarea>
    <p class="hint"><?= e(t('Saving a changed definition makes a new version; jobs keep the version they were submitted with. See docs/flows.md for the format.')) ?></p>
    <div class="actions"><button type="submit" name="do" value="save" class="btn btn-primary"><?= e(t('Save')) ?></button></div>
  </form>
<?php else: ?>
  <pre class="json" id="definition-view"><?= e($text) ?></pre>
<?php endif ?>
</section>

<?php if ($versions !== []): ?>
<section class="card">
  <h2><?= e(t('Versions')) ?></h2>
  <form method="get" action="<?= e(script_path()) ?>" id="diff-form">
    <input type="hidden" name="page" value="flow">
    <input type="hidden" name="name" value="<?= e($name) ?>">
    <table class="table" id="versions-table">
      <thead><tr><th scope="col" class="num"><?= e(t('Version')) ?></th><th scope="col"><?= e(t('Saved')) ?></th><th scope="col"><?= e(t('Description')) ?></th><th scope="col"><?= e(t('Compare: from')) ?></th><th scope="col"><?= e(t('to')) ?></th></tr></thead>
      <tbody>
<?php foreach ($versions as $i => $v): ?>
        <tr>
          <td class="num"><a href="<?= e(url('flow', ['name' => $name, 'version' => $v['version']])) ?>">v<?= e($v['version']) ?></a></td>
          <td class="time"><?= e(fmt_time($v['created_at'])) ?></td>
          <td><?= e($v['description']) ?></td>
          <td><input type="radio" name="from" value="<?= e($v['version']) ?>" aria-label="<?= e(t('from version {n}', ['n' => $v['version']])) ?>"<?= ($from ?? ($versions[1]['version'] ?? null)) === $v['version'] ? ' checked' : '' ?>></td>
          <td><input type="radio" name="to" value="<?= e($v['version']) ?>" aria-label="<?= e(t('to version {n}', ['n' => $v['version']])) ?>"<?= ($to ?? $current) === $v['version'] ? ' checked' : '' ?>></td>
        </tr>
<?php endforeach ?>
      </tbody>
    </table>
<?php if (count($versions) > 1): ?>
    <button type="submit" class="btn"><?= e(t('Compare')) ?></button>
<?php endif ?>
  </form>
  <?= error_boxes($diffErrors) ?>
<?php if ($diff !== null): ?>
  <h3><?= e(t('Changes from version {from} to version {to}', ['from' => $from, 'to' => $to])) ?></h3>
  <table class="diff" id="diff">
    <tbody>
<?php foreach ($diff as $l): ?>
<?php $cls = match ($l['op']) { '+' => 'add', '-' => 'del', default => 'same' }; ?>
      <tr class="diff-<?= $cls ?>"><td class="num"><?= $l['old_line'] ?: '' ?></td><td class="num"><?= $l['new_line'] ?: '' ?></td><td class="op"><?= e($l['op']) ?></td><td><code><?= e($l['text']) ?></code></td></tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</section>
<?php endif ?>
