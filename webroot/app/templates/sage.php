<?php
/**
 * The Sage 100 page. @var ?array $config ([sage] settings, secrets masked, null: none)
 * @var array $form  @var list<string> $errors  @var ?array $importReport  @var ?array $exportReport
 * @var list<array{run: string, files: list<string>}> $recent  @var string $maxUpload
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$run = can('job.run') && $config !== null;
$domains = ['sales' => t('Sales (customers)'), 'purchases' => t('Purchases (suppliers)')];
$documentTypes = ['order' => t('order'), 'delivery' => t('delivery note'), 'invoice' => t('invoice'), 'credit_note' => t('credit note'),
    'quote' => t('quote')];
$exportTypes = ['invoice' => t('invoices'), 'credit_note' => t('credit notes'), 'invoice,credit_note' => t('invoices and credit notes'),
    'delivery' => t('delivery notes'), 'order' => t('orders')];
$kinds = ['invoice' => t('invoice'), 'credit_note' => t('credit note'), 'delivery' => t('delivery note'), 'order' => t('order')];
$statuses = ['imported' => t('imported'), 'existing' => t('already imported'), 'failed' => t('failed')];
$download = static fn (string $run, string $file): string => url('sage', ['download' => $run . '/' . $file]);
/** A report's warnings as a list under a heading (already escaped HTML), or nothing. */
$warnings = static function (array $list): string {
    if ($list === []) {
        return '';
    }
    $html = '  <h3>' . e(t('Warnings')) . "</h3>\n  <ul class=\"warnings\">\n";
    foreach ($list as $w) {
        $html .= '    <li>' . e($w) . "</li>\n";
    }
    return $html . "  </ul>\n";
};
?>
<div class="page-head">
  <h1><?= e(t('Sage 100')) ?></h1>
</div>
<?= error_boxes($errors) ?>

<?php if ($config === null): ?>
<section class="card">
  <p class="empty" id="sage-not-configured"><?= e(t('The Sage 100 connector is not configured: add a [sage] section to relais.ini (see docs/sage100.md).')) ?></p>
</section>
<?php else: ?>
<section class="card">
  <h2><?= e(t('Connection')) ?></h2>
  <dl class="facts">
    <dt><?= e(t('ODBC data source')) ?></dt><dd><code><?= e($config['dsn'] ?? '') ?></code></dd>
    <dt><?= e(t('User')) ?></dt><dd><?= e(($config['user'] ?? '') !== '' ? $config['user'] : t('the data source\'s')) ?></dd>
    <dt><?= e(t('Company GLN')) ?></dt><dd><?= e($config['own_gln'] ?? '') ?> <?= e($config['own_name'] ?? '') ?></dd>
    <dt><?= e(t('Export folder')) ?></dt><dd><code><?= e($config['export_dir'] ?? '') ?></code></dd>
  </dl>
<?php if (!can('job.run')): ?>
  <p class="hint"><?= e(t('Your role lets you read this page; importing and exporting take an operator or an administrator.')) ?></p>
<?php endif ?>
</section>
<?php endif ?>

<?php if ($importReport !== null): ?>
<section class="card" id="import-report" aria-labelledby="import-report-title">
  <h2 id="import-report-title"><?= e(t('Import of {file}', ['file' => $importReport['file']])) ?></h2>
  <p id="import-counts"><?= e(t('{imported} imported, {existing} already imported, {failed} failed',
      ['imported' => $importReport['imported'], 'existing' => $importReport['existing'], 'failed' => $importReport['failed']])) ?></p>
  <div class="table-wrap">
  <table class="table">
    <thead><tr><th scope="col" class="num"><?= e(t('Line')) ?></th><th scope="col"><?= e(t('Document')) ?></th><th scope="col"><?= e(t('Status')) ?></th><th scope="col"><?= e(t('Piece')) ?></th><th scope="col"><?= e(t('Third party')) ?></th><th scope="col" class="num"><?= e(t('Lines')) ?></th><th scope="col" class="num"><?= e(t('Total excl. tax')) ?></th><th scope="col"><?= e(t('Error')) ?></th></tr></thead>
    <tbody>
<?php foreach ($importReport['documents'] as $d): ?>
      <tr data-status="<?= e($d['status']) ?>">
        <td class="num"><?= e($d['line']) ?></td>
        <td><?= e($d['message']) ?> <?= e($d['number']) ?></td>
        <td><?= e($statuses[$d['status']] ?? $d['status']) ?></td>
        <td class="piece"><?= e($d['piece']) ?></td>
        <td><?= e($d['third_party']) ?></td>
        <td class="num"><?= $d['status'] === 'failed' ? '' : e($d['lines']) ?></td>
        <td class="num"><?= $d['status'] === 'failed' ? '' : e($d['total_excl_tax']) ?></td>
        <td class="error"><?= e($d['error'] ?? '') ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
  </div>
<?= $warnings($importReport['warnings']) ?>
</section>
<?php endif ?>

<?php if ($exportReport !== null): ?>
<section class="card" id="export-report" aria-labelledby="export-report-title">
  <h2 id="export-report-title"><?= e(t('Export {run}', ['run' => $exportReport['run']])) ?></h2>
  <p id="export-counts"><?= e(tn($exportReport['exported'], '{n} document exported', '{n} documents exported')) ?></p>
<?php if ($exportReport['documents'] !== []): ?>
  <div class="table-wrap">
  <table class="table">
    <thead><tr><th scope="col"><?= e(t('Piece')) ?></th><th scope="col"><?= e(t('Kind')) ?></th><th scope="col"><?= e(t('Third party')) ?></th><th scope="col" class="time"><?= e(t('Date')) ?></th><th scope="col" class="num"><?= e(t('Lines')) ?></th><th scope="col" class="num"><?= e(t('Total excl. tax')) ?></th><th scope="col"><?= e(t('File')) ?></th></tr></thead>
    <tbody>
<?php foreach ($exportReport['documents'] as $d): ?>
      <tr>
        <td class="piece"><?= e($d['piece']) ?></td>
        <td><?= e($kinds[$d['kind']] ?? $d['kind']) ?> (<?= e($d['message']) ?> <?= e($d['name_code']) ?>)</td>
        <td><?= e($d['third_party']) ?></td>
        <td class="time"><?= e($d['date']) ?></td>
        <td class="num"><?= e($d['lines']) ?></td>
        <td class="num"><?= e($d['total_excl_tax']) ?></td>
        <td><a href="<?= e($download($exportReport['run'], $d['file'])) ?>" download><?= e($d['file']) ?></a></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
  </div>
<?php endif ?>
<?= $warnings($exportReport['warnings']) ?>
</section>
<?php endif ?>

<?php if ($run): ?>
<section class="card">
  <h2><?= e(t('Import a pivot file into Sage')) ?></h2>
  <form method="post" action="<?= e(url('sage')) ?>" enctype="multipart/form-data" class="form form-wide" id="sage-import-form">
    <?= csrf_field() ?>
    <input type="hidden" name="action" value="import">
    <label for="pivot"><?= e(t('Pivot file')) ?></label>
    <input type="file" id="pivot" name="pivot" required aria-describedby="pivot-hint">
    <p class="hint" id="pivot-hint"><?= e(t('One or more documents in the pivot format (docs/pivot-format.md), at most {max}. Each document goes in whole or not at all; one already imported is not imported again.', ['max' => $maxUpload])) ?></p>
    <label for="import_domain"><?= e(t('Domain')) ?></label>
    <select id="import_domain" name="import_domain"><?= options($domains, $form['import_domain']) ?></select>
    <label for="document_type"><?= e(t('Sage document made')) ?></label>
    <select id="document_type" name="document_type"><?= options($documentTypes, $form['document_type']) ?></select>
    <div class="actions">
      <button type="submit" class="btn btn-primary"><?= e(t('Import')) ?></button>
    </div>
  </form>
</section>

<section class="card">
  <h2><?= e(t('Export Sage documents as pivot files')) ?></h2>
  <form method="post" action="<?= e(url('sage')) ?>" class="form form-wide" id="sage-export-form">
    <?= csrf_field() ?>
    <input type="hidden" name="action" value="export">
    <label for="domain"><?= e(t('Domain')) ?></label>
    <select id="domain" name="domain"><?= options($domains, $form['domain']) ?></select>
    <label for="type"><?= e(t('Documents')) ?></label>
    <select id="type" name="type"><?= options($exportTypes, $form['type']) ?></select>
    <label for="from"><?= e(t('Dated from')) ?> <span class="muted"><?= e(t('(optional)')) ?></span></label>
    <input type="date" id="from" name="from" value="<?= e($form['from']) ?>">
    <label for="to"><?= e(t('Dated up to')) ?> <span class="muted"><?= e(t('(optional)')) ?></span></label>
    <input type="date" id="to" name="to" value="<?= e($form['to']) ?>">
    <label for="customer"><?= e(t('Customer or supplier (CT_Num)')) ?> <span class="muted"><?= e(t('(optional)')) ?></span></label>
    <input type="text" id="customer" name="customer" value="<?= e($form['customer']) ?>" maxlength="17">
    <label class="inline-check"><input type="checkbox" name="one_file" value="1"<?= $form['one_file'] ? ' checked' : '' ?>> <?= e(t('One file for all the documents')) ?></label>
    <p class="hint"><?= e(t('Only documents no earlier export took are exported; Sage itself is not changed.')) ?></p>
    <div class="actions">
      <button type="submit" class="btn btn-primary"><?= e(t('Export')) ?></button>
    </div>
  </form>
</section>
<?php endif ?>

<?php if ($config !== null): ?>
<section class="card" id="recent-exports">
  <h2><?= e(t('Recent exports')) ?></h2>
<?php if ($recent === []): ?>
  <p class="empty"><?= e(t('No export yet.')) ?></p>
<?php else: ?>
  <ul>
<?php foreach ($recent as $r): ?>
    <li><?= e($r['run']) ?>:
<?php foreach ($r['files'] as $f): ?>
      <a href="<?= e($download($r['run'], $f)) ?>" download><?= e($f) ?></a>
<?php endforeach ?>
    </li>
<?php endforeach ?>
  </ul>
<?php endif ?>
</section>
<?php endif ?>
