<?php
/** Login form (GET) and password check (POST). */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

if (current_user() !== null && request_method() !== 'POST') {
    redirect(url('jobs'));
}

$login = param('login', 'post');
$error = null;
$status = 200;

if (request_method() === 'POST') {
    $password = $_POST['password'] ?? '';
    if ($login === '' || !is_string($password) || $password === '') {
        $error = 'Enter your login and your password.';
    } else {
        try {
            $user = client()->users()->authenticate($login, $password);
        } catch (\Throwable $err) {
            if (!is_core_error($err)) {
                throw $err;
            }
            error_log('relais web: authenticate(' . $login . ') failed: ' . $err->getMessage());
            $user = false;
            $status = 503;
            $error = core_error('Could not check the password', $err);
        }
        if (is_array($user)) {
            log_in($user);
            flash('success', 'Welcome, ' . $user['login'] . '.');
            redirect(after_login_url());
        }
        if ($user === null) {
            // Slows password guessing a little without bothering a person who mistyped.
            usleep(random_int(200_000, 400_000));
            error_log('relais web: failed login for "' . $login . '" from ' . ($_SERVER['REMOTE_ADDR'] ?? '?'));
            $error = 'Wrong login or password.';
        }
    }
}

render('login', ['title' => 'Log in — Relais', 'login' => $login, 'error' => $error], $status);
