<?php
/**
 * The ViaTrajectoire PA dossiers created through /ws/pa (docs/soap-services.md),
 * newest first, by keyset pages (?before=), with a birth-name prefix filter.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$text = param('q', 'get');
$cursor = id_param('before', 'get');
$list = (new \Relais\Ws\Directory(client()))->dossiers(50, $cursor === null ? null : (string)$cursor, $text === '' ? null : $text);

render('dossiers', [
    'title'  => t('PA dossiers'),
    'text'   => $text,
    'cursor' => $cursor,
    'list'   => $list,
]);
