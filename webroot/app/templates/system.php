<?php
/**
 * The system page. @var list<array> $modules  @var list<array> $settings  @var array $system
 * @var array $config  @var array $versions  @var string $configFile
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$levels = ['ok' => t('OK'), 'warn' => t('Advice'), 'fail' => t('Missing')];
$table = static function (string $id, array $checks) use ($levels): string {
    $html = '<table class="table checks" id="' . e($id) . '"><thead><tr><th scope="col">' . e(t('Check')) . '</th><th scope="col">'
        . e(t('Found')) . '</th><th scope="col">' . e(t('Expected')) . '</th><th scope="col">' . e(t('Result')) . '</th></tr></thead><tbody>';
    foreach ($checks as $c) {
        $html .= '<tr class="check-' . e($c['level']) . '"><th scope="row">' . e($c['name']) . '</th><td>' . e($c['found']) . '</td><td>'
            . e($c['expected']) . '</td><td><span class="level-' . e($c['level']) . '">' . e($levels[$c['level']] ?? $c['level']) . '</span></td></tr>';
    }
    return $html . '</tbody></table>';
};
?>
<div class="page-head">
  <h1><?= e(t('System')) ?></h1>
  <div class="actions"><a class="btn" id="mssante-link" href="<?= e(url('mssante')) ?>"><?= e(t('Produce the MSSanté deployment proof (IMAP and SMTP listings)')) ?></a></div>
</div>
<section class="card">
  <h2><?= e(t('Versions')) ?></h2>
  <dl class="facts">
<?php foreach ($versions as $name => $value): ?>
    <div><dt><?= e($name) ?></dt><dd><?= e($value) ?></dd></div>
<?php endforeach ?>
  </dl>
</section>
<section class="card">
  <h2><?= e(t('PHP modules (prerequisites 2.2.2)')) ?></h2>
  <?= $table('php-modules', $modules) ?>
  <p class="hint"><?= e(t('PDO_ODBC is needed only with Microsoft SQL Server.')) ?></p>
</section>
<section class="card">
  <h2><?= e(t('PHP settings')) ?></h2>
  <?= $table('php-settings', $settings) ?>
</section>
<section class="card">
  <h2><?= e(t('Database and disks')) ?></h2>
  <p class="small"><code><?= e($system['database']) ?></code></p>
  <?= $table('core-checks', $system['checks']) ?>
</section>
<section class="card">
  <h2><?= e(t('Configuration in use')) ?></h2>
  <p class="small"><?= e(t('File: {file}. Secrets are shown as ***.', ['file' => $configFile])) ?></p>
  <table class="table kv" id="config-table">
    <tbody>
<?php foreach ($config as $section => $keys): ?>
<?php foreach ($keys as $key => $value): ?>
      <tr><th scope="row"><code>[<?= e($section) ?>] <?= e($key) ?></code></th><td><code><?= e($value) ?></code></td></tr>
<?php endforeach ?>
<?php endforeach ?>
    </tbody>
  </table>
</section>
