<?php
/**
 * Login form (GET) and password check (POST). Wrong passwords in a row lock the account
 * for a while (the core counts them); a client certificate Apache verified offers a
 * one-click login (login-cert).
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$chosen = param('lang', 'get');
if (isset(LANGUAGES[$chosen])) {
    $_SESSION['lang'] = $chosen;
}
if (current_user() !== null && request_method() !== 'POST') {
    redirect(url('dashboard'));
}

$login = param('login', 'post');
$error = null;
$status = 200;

if (request_method() === 'POST') {
    $password = $_POST['password'] ?? '';
    if ($login === '' || !is_string($password) || $password === '') {
        $error = t('Enter your login and your password.');
        $status = 422;
    } else {
        try {
            $user = client()->users()->authenticate($login, $password);
        } catch (\Throwable $err) {
            if (!is_core_error($err)) {
                throw $err;
            }
            $user = false;
            if (is_core_exception($err, \Relais\ConflictException::class)) {
                audit('login.locked', 'user ' . $login, null, $login);
                $status = 429;
                $error = t('Too many failed logins: this account is locked for {n} minutes. Try again later or ask an administrator to unlock it.',
                    ['n' => web_settings()['login_lockout_minutes']]);
            } else {
                error_log('relais web: authenticate(' . $login . ') failed: ' . $err->getMessage());
                $status = 503;
                $error = core_error(t('Could not check the password'), $err);
            }
        }
        if (is_array($user)) {
            log_in($user, 'password');
            flash('success', t('Welcome, {login}.', ['login' => $user['login']]));
            redirect(after_login_url());
        }
        if ($user === null) {
            // Slows password guessing a little without bothering a person who mistyped.
            usleep(random_int(200_000, 400_000));
            audit('login.failed', 'user ' . $login, null, $login);
            $status = 401;
            $error = t('Wrong login or password.');
        }
    }
}

render('login', [
    'title'       => t('Log in'),
    'login'       => $login,
    'error'       => $error,
    'certificate' => verified_client_certificate(),
], $status);
