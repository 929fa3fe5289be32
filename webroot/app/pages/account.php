<?php
/** My account: the language of my pages and my password. Open to every logged-in user. */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$me = current_user()['login'];
$error = null;
$status = 200;
if (request_method() === 'POST') {
    try {
        if (param('do', 'post') === 'language') {
            client()->users()->setLanguage($me, param('language', 'post'));
            $_SESSION['lang'] = param('language', 'post');
            load_session_user();
            audit('user.language', 'user ' . $me, param('language', 'post'));
            flash('success', t('Language saved.'));
            redirect(url('account'));
        }
        if (param('do', 'post') === 'password') {
            $current = (string)($_POST['current'] ?? '');
            $new = (string)($_POST['password'] ?? '');
            if ($new !== (string)($_POST['confirm'] ?? '')) {
                throw new Refused(t('The two new passwords differ.'));
            }
            if ($current === '' || client()->users()->authenticate($me, $current) === null) {
                throw new Refused(t('Your current password is wrong.'));
            }
            client()->users()->setPassword($me, $new);
            audit('user.password', 'user ' . $me, 'own');
            flash('success', t('Your password is changed.'));
            redirect(url('account'));
        }
    } catch (\Throwable $err) {
        if (!$err instanceof Refused && !$err instanceof \ValueError && !is_core_error($err)) {
            throw $err;
        }
        $error = $err instanceof \ValueError ? t('Fill in every field.') : $err->getMessage();
        $status = 422;
    }
}
render('account', ['title' => t('My account'), 'me' => client()->users()->get($me), 'error' => $error], $status);
