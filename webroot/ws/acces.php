<?php
/**
 * /ws/pa/acces?jeton=...: where a partner portal sends its user with a token of
 * GenererJetonSecuritePA. The admin site's dossier-access page spends the token and
 * shows the dossier read-only (docs/soap-services.md); this only hands over to it.
 */
declare(strict_types=1);

$token = is_string($_GET['jeton'] ?? null) ? $_GET['jeton'] : '';
header('Referrer-Policy: no-referrer');
header('Location: ../../index.php?page=dossier-access&jeton=' . rawurlencode($token), true, 303);
