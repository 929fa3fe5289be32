<?php
/**
 * The dashboard. @var ?array $stats  @var int $hours  @var list<array> $failures
 * @var list<array> $nodes  @var ?array $store  @var list<array> $certificates  @var list<string> $errors
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$inFlight = ['queued', 'running', 'paused', 'retry_wait'];
$ended = ['succeeded', 'failed', 'cancelled'];
?>
<div class="page-head">
  <h1><?= e(t('Dashboard')) ?></h1>
<?php if (can('job.run')): ?>
  <a class="btn btn-primary" href="<?= e(url('run')) ?>"><?= e(t('Run a flow')) ?></a>
<?php endif ?>
</div>
<div id="dashboard-live" data-live="10">
<?= error_boxes($errors) ?>
<?php if ($stats !== null): ?>
<section class="card" aria-labelledby="now-title">
  <h2 id="now-title"><?= e(t('Jobs now')) ?></h2>
  <div class="tiles" id="status-counts">
<?php foreach ($inFlight as $s): ?>
    <a class="tile tile-<?= e($s) ?>" href="<?= e(url('jobs', ['status' => $s])) ?>" data-count-status="<?= e($s) ?>">
      <span class="tile-n"><?= e(number((int)$stats['by_status'][$s])) ?></span>
      <span class="tile-label"><?= e(status_label($s)) ?></span>
    </a>
<?php endforeach ?>
  </div>
  <h2><?= e(t('Ended in the last {n} hours', ['n' => $hours])) ?></h2>
  <div class="tiles">
<?php foreach ($ended as $s): ?>
    <a class="tile tile-<?= e($s) ?>" href="<?= e(url('jobs', ['status' => $s, 'from' => gmdate('Y-m-d H:i', time() - $hours * 3600)])) ?>" data-count-status="<?= e($s) ?>">
      <span class="tile-n"><?= e(number((int)$stats['by_status'][$s])) ?></span>
      <span class="tile-label"><?= e(status_label($s)) ?></span>
    </a>
<?php endforeach ?>
  </div>
</section>

<section class="card" aria-labelledby="chart-heading">
  <h2 id="chart-heading"><?= e(t('Jobs per hour, last {n} hours', ['n' => $hours])) ?></h2>
  <?= jobs_per_hour_svg($stats['per_hour'], $hours, time()) ?>
  <p class="legend small"><span class="key key-succeeded"></span><?= e(t('succeeded')) ?> <span class="key key-other"></span><?= e(t('in progress or cancelled')) ?> <span class="key key-failed"></span><?= e(t('failed')) ?></p>
</section>
<?php endif ?>

<div class="columns">
<section class="card" aria-labelledby="failures-title">
  <h2 id="failures-title"><?= e(t('Flows with the most failures ({n} h)', ['n' => $hours])) ?></h2>
<?php if ($failures === []): ?>
  <p class="empty"><?= e(t('No failed job.')) ?></p>
<?php else: ?>
  <table class="table" id="failures-table">
    <thead><tr><th scope="col"><?= e(t('Flow')) ?></th><th scope="col" class="num"><?= e(t('Failed')) ?></th><th scope="col" class="num"><?= e(t('Of')) ?></th></tr></thead>
    <tbody>
<?php foreach ($failures as $f): ?>
      <tr>
        <td><a href="<?= e(url('jobs', ['flow' => $f['flow'], 'status' => 'failed'])) ?>"><?= e($f['flow']) ?></a></td>
        <td class="num bad"><?= e(number((int)$f['failed'])) ?></td>
        <td class="num"><?= e(number((int)$f['total'])) ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</section>

<section class="card" aria-labelledby="nodes-title">
  <h2 id="nodes-title"><?= e(t('Engine nodes')) ?></h2>
<?php if ($nodes === []): ?>
  <p class="empty"><?= e(t('No engine node has started yet: no job will run.')) ?></p>
<?php else: ?>
  <table class="table" id="nodes-table">
    <thead><tr><th scope="col"><?= e(t('Node')) ?></th><th scope="col"><?= e(t('State')) ?></th><th scope="col"><?= e(t('Last heartbeat')) ?></th><th scope="col" class="num"><?= e(t('Running')) ?></th></tr></thead>
    <tbody>
<?php foreach ($nodes as $n): ?>
      <tr data-node="<?= e($n['name']) ?>">
        <td><?= e($n['name']) ?> <span class="muted small"><?= e($n['host']) ?> · <?= e($n['version']) ?></span></td>
        <td><span class="badge <?= $n['alive'] ? 'badge-succeeded' : 'badge-failed' ?>" data-alive="<?= $n['alive'] ? '1' : '0' ?>"><?= e($n['alive'] ? t('alive') : t('dead')) ?></span></td>
        <td class="time"><?= e(fmt_time($n['heartbeat_at'])) ?></td>
        <td class="num"><?= e($n['running_jobs']) ?> / <?= e($n['workers']) ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</section>

<section class="card" aria-labelledby="store-title">
  <h2 id="store-title"><?= e(t('Content store')) ?></h2>
<?php if ($store !== null): ?>
<?php $usedPct = $store['total_bytes'] > 0 ? (int)round(100 * $store['used_bytes'] / $store['total_bytes']) : 0; ?>
  <p><code><?= e($store['path']) ?></code></p>
  <meter id="store-meter" min="0" max="100" low="80" high="90" optimum="0" value="<?= e($usedPct) ?>"><?= e($usedPct) ?>%</meter>
  <p><?= e(t('{used} used of {total} ({pct} %), {free} free', ['used' => fmt_size($store['used_bytes']), 'total' => fmt_size($store['total_bytes']),
      'pct' => $usedPct, 'free' => fmt_size($store['free_bytes'])])) ?></p>
<?php endif ?>
</section>
</div>
<?php if ($certificates !== []): ?>
<section class="card" aria-labelledby="certs-title">
  <h2 id="certs-title"><?= e(t('Partner certificates ending within 30 days')) ?></h2>
  <table class="table" id="expiring-certificates">
    <thead><tr><th scope="col"><?= e(t('Partner')) ?></th><th scope="col"><?= e(t('Subject')) ?></th><th scope="col"><?= e(t('Valid until (UTC)')) ?></th><th scope="col"><?= e(t('State')) ?></th></tr></thead>
    <tbody>
<?php foreach ($certificates as $c): ?>
      <tr>
        <td><a href="<?= e(url('partner', ['code' => $c['partner']])) ?>"><?= e($c['partner']) ?></a></td>
        <td class="wrap"><?= e($c['subject']) ?></td>
        <td class="time"><?= e(fmt_time($c['not_after'])) ?></td>
        <td><span class="badge <?= $c['state'] === 'expired' ? 'badge-failed' : 'badge-warn' ?>"><?= e($c['days_left'] >= 0 ? tn($c['days_left'], '{n} day left', '{n} days left') : t('expired')) ?></span></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
</section>
<?php endif ?>
<p class="muted small live-stamp"><?= e(t('Updated at {time} UTC; the page refreshes by itself.', ['time' => gmdate('H:i:s')])) ?></p>
</div>
