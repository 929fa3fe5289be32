<?php
/**
 * One PA dossier, read-only. @var array $dossier (as ConsulterDossierPA's Dossier)
 * @var bool $public (reached by a security token: no link into the admin site)
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$d = $dossier['Demandeur'];
$nomenclature = static fn (?array $n): string => $n === null ? '' : trim(($n['DisplayName'] ?? '') . ' (' . $n['Code'] . ')');
$address = static fn (?array $a): string => $a === null ? '' : trim($a['NumeroVoie'] . ' ' . $a['TypeVoie'] . ' ' . $a['LibelleVoie']
    . ', ' . $a['CodePostal']['Code'] . ' ' . ($a['Localite']['DisplayName'] ?? $a['Localite']['Code']));
$facts = [
    t('Civility') => $nomenclature($d['Civilite']),
    t('Birth name') => $d['NomNaissance'],
    t('Usual name') => $d['NomUsuel'] ?? '',
    t('First name') => $d['Prenom'],
    t('Other first names') => $d['AutrePrenoms'] ?? '',
    t('Born') => $d['DateNaissance'],
    t('Address') => $address($d['Adresse'] ?? null),
    t('E-mail') => $d['Mail'] ?? '',
    t('Phone') => trim(($d['TelephoneFixe'] ?? '') . ' ' . ($d['TelephonePortable'] ?? '')),
    t('Country of birth') => $nomenclature($d['PaysNaissance'] ?? null),
    t('Town of birth') => $nomenclature($d['VilleNaissance'] ?? null),
    t('Status') => $dossier['StatutDossier'],
];
?>
<div class="page-head">
  <h1><?= e(t('Dossier {id}', ['id' => $dossier['IdDossier']])) ?> <span class="muted">· <?= e($d['Prenom'] . ' ' . $d['NomNaissance']) ?></span></h1>
<?php if (!$public): ?>
  <a class="btn" href="<?= e(url('dossiers')) ?>"><?= e(t('All dossiers')) ?></a>
<?php endif ?>
</div>
<section class="card" id="dossier">
  <dl class="facts">
<?php foreach ($facts as $label => $value): if ($value === '') continue; ?>
    <dt><?= e($label) ?></dt><dd><?= e($value) ?></dd>
<?php endforeach ?>
  </dl>
</section>
<?php if (!empty($d['Contacts']['Contact'])): ?>
<section class="card">
  <h2><?= e(t('Contacts')) ?></h2>
  <ul>
<?php foreach ($d['Contacts']['Contact'] as $c): ?>
    <li><?= e(trim(($c['Prenom'] ?? '') . ' ' . $c['NomNaissance'])) ?> <span class="muted"><?= e(implode(', ', array_map(static fn (array $n): string => $n['DisplayName'] ?? $n['Code'], $c['Type']['Nomenclature'] ?? []))) ?></span> <?= e($c['Mail'] ?? '') ?></li>
<?php endforeach ?>
  </ul>
</section>
<?php endif ?>
<?php if (!empty($dossier['DemandesEtablissement']['DemandeEtablissement'])): ?>
<section class="card">
  <h2><?= e(t('Demands to establishments')) ?></h2>
  <table class="table">
    <thead><tr><th scope="col">FINESS</th><th scope="col"><?= e(t('Establishment')) ?></th><th scope="col"><?= e(t('Status')) ?></th><th scope="col"><?= e(t('Date')) ?></th></tr></thead>
    <tbody>
<?php foreach ($dossier['DemandesEtablissement']['DemandeEtablissement'] as $m): ?>
      <tr><td><code><?= e($m['Etablissement']['NumFINISS']) ?></code></td><td><?= e($m['Etablissement']['RaisonSociale'] ?? '') ?></td>
        <td><code><?= e($m['StatutDemande']) ?></code></td><td><?= e($m['DateDemande']) ?></td></tr>
<?php endforeach ?>
    </tbody>
  </table>
</section>
<?php endif ?>
