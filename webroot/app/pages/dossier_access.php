<?php
/**
 * The security token redirect (GenererJetonSecuritePA, docs/soap-services.md): a partner
 * site sends its user to /ws/pa/acces?jeton=..., which lands here. Over HTTPS only, the
 * token is spent (once, within 30 seconds) and this browser session may then read that
 * one dossier, read-only, for 30 minutes; the token leaves the address bar at once.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const DOSSIER_ACCESS_SECONDS = 1800;

if (!is_https()) {
    render('error', ['title' => t('HTTPS required'), 'heading' => t('HTTPS required'),
        'message' => t('A dossier link works over HTTPS only.')], 403);
}
$token = param('jeton', 'get');
if ($token !== '') {
    $id = (new \Relais\Ws\Directory(client()))->redeemToken($token);
    if ($id === null) {
        render('error', ['title' => t('Link expired'), 'heading' => t('Link expired'),
            'message' => t('This dossier link has expired or was already used. Open the dossier again from your portal.')], 403);
    }
    renew_session();
    $_SESSION['vt_dossier'] = ['id' => $id, 'until' => time() + DOSSIER_ACCESS_SECONDS];
    redirect(url('dossier-access'));
}
$access = $_SESSION['vt_dossier'] ?? null;
if (!is_array($access) || (int)($access['until'] ?? 0) < time()) {
    unset($_SESSION['vt_dossier']);
    render('error', ['title' => t('Link expired'), 'heading' => t('Link expired'),
        'message' => t('This dossier link has expired or was already used. Open the dossier again from your portal.')], 403);
}
render('dossier', ['title' => t('Dossier {id}', ['id' => $access['id']]),
    'dossier' => (new \Relais\Ws\Directory(client()))->dossier((int)$access['id']), 'public' => true]);
