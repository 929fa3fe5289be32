<?php
/** One PA dossier, read-only, as ConsulterDossierPA returns it. */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$id = id_param('id', 'get');
try {
    $dossier = $id === null ? null : (new \Relais\Ws\Directory(client()))->dossier($id);
} catch (\Relais\NotFoundException) {
    $dossier = null;
}
if ($dossier === null) {
    render('error', ['title' => t('Dossier not found'), 'heading' => t('Dossier not found'),
        'message' => t('There is no such dossier.'), 'back' => url('dossiers')], 404);
}
render('dossier', ['title' => t('Dossier {id}', ['id' => $id]), 'dossier' => $dossier, 'public' => false]);
