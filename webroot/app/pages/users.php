<?php
/**
 * Users and roles (admin only, user.manage): create, change role, enable/disable, set a
 * new password, end a lockout, bind a client certificate (CPS card). Every change is
 * audited. An administrator cannot demote, disable or lock out themselves here, so that
 * the site always keeps one.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$users = client()->users();
$roles = $users->roles();
$me = current_user()['login'];
$errors = [];
$form = ['login' => '', 'role' => 'viewer'];
$status = 200;

if (request_method() === 'POST') {
    $do = param('do', 'post');
    $login = param('login', 'post');
    try {
        switch ($do) {
            case 'create':
                $form = ['login' => $login, 'role' => param('role', 'post')];
                $users->create($login, (string)($_POST['password'] ?? ''), $form['role']);
                audit('user.create', 'user ' . $login, 'role ' . $form['role']);
                flash('success', t('User "{login}" created.', ['login' => $login]));
                break;
            case 'role':
                refuse_self($login, $me);
                $users->setRole($login, param('role', 'post'));
                audit('user.role', 'user ' . $login, 'role ' . param('role', 'post'));
                flash('success', t('"{login}" is now {role}.', ['login' => $login, 'role' => t(param('role', 'post'))]));
                break;
            case 'enable':
                $on = param('enabled', 'post') === '1';
                if (!$on) {
                    refuse_self($login, $me);
                }
                $users->enable($login, $on);
                audit($on ? 'user.enable' : 'user.disable', 'user ' . $login);
                flash('success', $on ? t('"{login}" is enabled.', ['login' => $login]) : t('"{login}" is disabled and can no longer log in.', ['login' => $login]));
                break;
            case 'password':
                $users->setPassword($login, (string)($_POST['password'] ?? ''));
                audit('user.password', 'user ' . $login);
                flash('success', t('New password set for "{login}".', ['login' => $login]));
                break;
            case 'unlock':
                $users->unlock($login);
                audit('user.unlock', 'user ' . $login);
                flash('success', t('"{login}" is unlocked.', ['login' => $login]));
                break;
            case 'certificate':
                $subject = param('subject', 'post');
                $serial = param('serial', 'post');
                $users->bindCertificate($login, $subject, $serial);
                audit($subject === '' && $serial === '' ? 'user.certificate.unbind' : 'user.certificate.bind', 'user ' . $login,
                    $subject === '' ? null : $subject . ' / ' . $serial);
                flash('success', $subject === '' && $serial === ''
                    ? t('"{login}" has no certificate any more.', ['login' => $login])
                    : t('Certificate bound to "{login}".', ['login' => $login]));
                break;
            default:
                throw new Refused(t('Unknown action.'));
        }
        redirect(url('users'));
    } catch (\ValueError) {
        $errors[] = t('Fill in the login and the password.');
    } catch (\Throwable $err) {
        if (!$err instanceof Refused && !is_core_error($err)) {
            throw $err;
        }
        $errors[] = $err->getMessage();
    }
    $status = 422;
}

render('users', [
    'title'  => t('Users'),
    'users'  => $users->list(),
    'roles'  => $roles,
    'me'     => $me,
    'form'   => $form,
    'errors' => $errors,
], $status);

/** An administrator does not take away their own access from here. */
function refuse_self(string $login, string $me): void
{
    if ($login === $me) {
        throw new Refused(t('You cannot change your own role or disable yourself; ask another administrator.'));
    }
}
