<?php
/** The partners: code, name, identifiers, contacts, state, certificate warnings. */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

render('partners', [
    'title'    => t('Partners'),
    'partners' => client()->partners()->list(),
]);
