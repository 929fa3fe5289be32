<?php
/**
 * The audit log. @var list<array> $rows  @var ?string $next  @var ?int $cursor  @var array $filter
 * @var list<string> $families  @var list<string> $errors
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$query = array_filter($filter, static fn (string $v) => $v !== '');
?>
<div class="page-head"><h1><?= e(t('Audit log')) ?></h1></div>
<?= error_boxes($errors) ?>
<form method="get" action="<?= e(script_path()) ?>" class="filters" role="search" aria-label="<?= e(t('Filter the audit log')) ?>">
  <input type="hidden" name="page" value="audit">
  <label><?= e(t('User')) ?> <input type="text" name="login" value="<?= e($filter['login']) ?>" size="12"></label>
  <label><?= e(t('Action')) ?>
    <input type="text" name="action" value="<?= e($filter['action']) ?>" list="audit-families" size="14" placeholder="job.">
    <datalist id="audit-families"><?php foreach ($families as $f): ?><option value="<?= e($f) ?>"><?php endforeach ?></datalist>
  </label>
  <label><?= e(t('From')) ?> <input type="text" name="from" value="<?= e($filter['from']) ?>" size="16" placeholder="<?= e(t('YYYY-MM-DD')) ?>"></label>
  <label><?= e(t('to')) ?> <input type="text" name="to" value="<?= e($filter['to']) ?>" size="16" placeholder="<?= e(t('YYYY-MM-DD')) ?>"></label>
  <button type="submit" class="btn"><?= e(t('Filter')) ?></button>
<?php if ($query !== []): ?>
  <a href="<?= e(url('audit')) ?>" class="btn btn-quiet"><?= e(t('Clear')) ?></a>
<?php endif ?>
</form>
<div class="table-wrap">
<?php if ($rows === []): ?>
  <p class="empty"><?= e(t('No entry.')) ?></p>
<?php else: ?>
  <table class="table" id="audit-table">
    <thead><tr><th scope="col"><?= e(t('When (UTC)')) ?></th><th scope="col"><?= e(t('User')) ?></th><th scope="col"><?= e(t('Action')) ?></th><th scope="col"><?= e(t('On')) ?></th><th scope="col"><?= e(t('Details')) ?></th><th scope="col"><?= e(t('Address')) ?></th></tr></thead>
    <tbody>
<?php foreach ($rows as $r): ?>
      <tr data-action="<?= e($r['action']) ?>">
        <td class="time"><?= e(fmt_time($r['at'])) ?></td>
        <td><a href="<?= e(url('audit', ['login' => $r['login']])) ?>"><?= e($r['login']) ?></a></td>
        <td><code><?= e($r['action']) ?></code></td>
        <td><?= e($r['target']) ?></td>
        <td class="wrap small"><?= e($r['details'] ?? '') ?></td>
        <td class="small"><?= e($r['client_ip'] ?? '') ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</div>
<?= keyset_pager('audit', $query, $cursor, $next, t('Older entries »')) ?>
