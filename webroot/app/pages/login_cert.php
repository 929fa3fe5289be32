<?php
/**
 * Login by client certificate (a CPS card): Apache verified the certificate
 * (SSLVerifyClient optional, SSLOptions +StdEnvVars); the core finds the user bound to its
 * subject and serial. GET shows what was presented, POST (with the CSRF token) logs in.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$cert = verified_client_certificate();
if ($cert === null) {
    render('error', ['title' => t('No certificate'), 'heading' => t('No certificate'),
        'message' => t('Your browser presented no client certificate that this server verified. Insert your card, reload the page, or log in with your password.'),
        'back' => url('login')], 401);
}
if (request_method() === 'POST') {
    $user = client()->users()->authenticateCertificate($cert['subject'], $cert['serial']);
    if ($user === null) {
        audit('login.failed', 'certificate ' . $cert['serial'], $cert['subject'], 'cert:' . $cert['serial']);
        render('error', ['title' => t('Unknown certificate'), 'heading' => t('Unknown certificate'),
            'message' => t('The certificate "{subject}" (serial {serial}) is not bound to an enabled user. An administrator can bind it on the Users page.',
                ['subject' => $cert['subject'], 'serial' => $cert['serial']]),
            'back' => url('login')], 403);
    }
    log_in($user, 'certificate ' . $cert['serial']);
    flash('success', t('Welcome, {login}.', ['login' => $user['login']]));
    redirect(after_login_url());
}
redirect(url('login'));
