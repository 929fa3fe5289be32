<?php
/** The PA dossiers. @var string $text  @var ?int $cursor  @var array{rows: list<array>, next: ?string} $list (not $page: the layout's) */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;
?>
<div class="page-head">
  <h1><?= e(t('PA dossiers')) ?></h1>
  <a class="btn" href="<?= e(url('applications')) ?>"><?= e(t('Partner applications')) ?></a>
</div>
<form method="get" action="<?= e(url('dossiers')) ?>" class="filters" role="search">
  <input type="hidden" name="page" value="dossiers">
  <label for="q"><?= e(t('Birth name starts with')) ?></label>
  <input type="search" id="q" name="q" value="<?= e($text) ?>" maxlength="50">
  <button type="submit" class="btn"><?= e(t('Filter')) ?></button>
</form>
<div class="table-wrap">
<?php if ($list['rows'] === []): ?>
  <p class="empty"><?= e(t('No dossier yet.')) ?></p>
<?php else: ?>
  <table class="table" id="dossiers-table">
    <thead><tr>
      <th scope="col"><?= e(t('Dossier')) ?></th><th scope="col"><?= e(t('Application')) ?></th><th scope="col"><?= e(t('Local id')) ?></th>
      <th scope="col"><?= e(t('Birth name')) ?></th><th scope="col"><?= e(t('First name')) ?></th><th scope="col"><?= e(t('Born')) ?></th>
      <th scope="col"><?= e(t('Status')) ?></th><th scope="col"><?= e(t('Demands')) ?></th><th scope="col"><?= e(t('Created')) ?></th>
    </tr></thead>
    <tbody>
<?php foreach ($list['rows'] as $d): ?>
      <tr data-dossier="<?= e($d['id']) ?>">
        <td><a href="<?= e(url('dossier', ['id' => $d['id']])) ?>">#<?= e($d['id']) ?></a></td>
        <td><?= e($d['application']) ?></td>
        <td><code><?= e($d['id_local']) ?></code></td>
        <td><?= e($d['nom_naissance']) ?></td>
        <td><?= e($d['prenom']) ?></td>
        <td><?= e($d['date_naissance']) ?></td>
        <td><code><?= e($d['statut']) ?></code><?php if ($d['est_annule']): ?> <span class="badge badge-cancelled"><?= e(t('cancelled')) ?></span><?php endif ?></td>
        <td><?= e($d['demandes']) ?></td>
        <td><?= e(fmt_time($d['created_at'])) ?></td>
      </tr>
<?php endforeach ?>
    </tbody>
  </table>
<?php endif ?>
</div>
<?= keyset_pager('dossiers', $text === '' ? [] : ['q' => $text], $cursor, $list['next'], t('Older dossiers »')) ?>
