<?php
/** The partner list. @var list<array> $partners */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;
?>
<div class="page-head">
  <h1><?= e(t('Partners')) ?></h1>
<?php if (can('partner.edit')): ?>
  <a class="btn btn-primary" href="<?= e(url('partner', ['new' => 1])) ?>"><?= e(t('New partner')) ?></a>
<?php endif ?>
</div>
<div class="table-wrap">
<?php if ($partners === []): ?>
  <p class="empty"><?= e(t('No partner yet.')) ?></p>
<?php else: ?>
  <table class="table" id="partners-table">
    <thead><tr>
      <th scope="col"><?= e(t('Code')) ?></th><th scope="col"><?= e(t('Name')) ?></th><th scope="col">GLN</th><th scope="col">SIRET</th>
      <th scope="col"><?= e(t('Contact')) ?></th><th scope="col"><?= e(t('State')) ?></th><th scope="col"><?= e(t('Certificates')) ?></th>
    </tr></thead>
    <tbody>
<?php foreach ($partners as $p): ?>
      <tr data-partner="<?= e($p['code']) ?>">
        <td><a href="<?= e(url('partner', ['code' => $p['code']])) ?>"><?= e($p['code']) ?></a></td>
        <td><?= e($p['name']) ?></td>
        <td><code><?= e($p['gln'] ?? '') ?></code></td>
        <td><code><?= e($p['siret'] ?? '') ?></code></td>
        <td><?php $c = $p['contacts'][0] ?? null; if ($c !== null): ?><?= e($c['name']) ?><?php if ($c['email'] !== ''): ?> <a href="mailto:<?= e($c['email']) ?>" class="small"><?= e($c['email']) ?></a><?php endif ?><?php endif ?></td>
        <td><span class="badge <?= $p['enabled'] ? 'badge-succeeded' : 'badge-cancelled' ?>"><?= e($p['enabled'] ? t('enabled') : t('disabled')) ?></span></td>
        <td>
<?php if ($p['certificates_expired'] > 0): ?><span class="badge badge-failed"><?= e(tn($p['certificates_expired'], '{n} expired', '{n} expired')) ?></span><?php endif ?>
<?php if ($p['certificates_expiring'] > 0): ?><span class="badge badge-warn cert-warning"><?= e(tn($p['certificates_expiring'], '{n} expiring soon', '{n} expiring soon')) ?></span><?php endif ?>
        </td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</div>
