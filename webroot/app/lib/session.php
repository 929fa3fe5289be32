<?php
/**
 * The one place for the session: who is logged in, CSRF tokens, flash messages.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const SESSION_IDLE_SECONDS = 8 * 3600;

function start_session(): void
{
    if (session_status() === PHP_SESSION_ACTIVE) {
        return;
    }
    ini_set('session.use_strict_mode', '1');
    ini_set('session.use_only_cookies', '1');
    ini_set('session.use_trans_sid', '0');
    session_name('RELAISSESSID');
    $dir = rtrim(str_replace('\\', '/', dirname(script_path())), '/') . '/';
    session_set_cookie_params([
        'lifetime' => 0,
        'path'     => $dir,
        'secure'   => is_https(),
        'httponly' => true,
        'samesite' => 'Lax',
    ]);
    session_start();

    $now = time();
    if (isset($_SESSION['user'], $_SESSION['seen']) && $now - (int)$_SESSION['seen'] > SESSION_IDLE_SECONDS) {
        unset($_SESSION['user']);
        flash('info', 'Your session expired; please log in again.');
    }
    $_SESSION['seen'] = $now;
}

/** ['login' => ..., 'role' => ...] of the logged-in user, or null. */
function current_user(): ?array
{
    $user = $_SESSION['user'] ?? null;
    return is_array($user) ? $user : null;
}

/** Sends an anonymous visitor to the login page, remembering where they wanted to go. */
function require_login(): void
{
    if (current_user() !== null) {
        return;
    }
    if (request_method() === 'GET') {
        $_SESSION['after_login'] = (string)($_SERVER['REQUEST_URI'] ?? '');
    }
    redirect(url('login'));
}

function log_in(array $user): void
{
    // A new id at the privilege change, so a session id planted before login is worthless.
    session_regenerate_id(true);
    $_SESSION['user'] = ['login' => (string)$user['login'], 'role' => (string)($user['role'] ?? '')];
    $_SESSION['csrf'] = bin2hex(random_bytes(32));
}

/** Where to go after login: the page that sent the user to login, if it is one of ours. */
function after_login_url(): string
{
    $target = (string)($_SESSION['after_login'] ?? '');
    unset($_SESSION['after_login']);
    $script = script_path();
    if ($target !== '' && str_starts_with($target, $script . '?') && !str_contains($target, 'page=login')) {
        return $target;
    }
    return url('jobs');
}

function log_out(): void
{
    $_SESSION = [];
    session_regenerate_id(true);
}

function csrf_token(): string
{
    if (empty($_SESSION['csrf']) || !is_string($_SESSION['csrf'])) {
        $_SESSION['csrf'] = bin2hex(random_bytes(32));
    }
    return $_SESSION['csrf'];
}

/** The hidden input every POST form carries (already escaped HTML). */
function csrf_field(): string
{
    return '<input type="hidden" name="_csrf" value="' . e(csrf_token()) . '">';
}

/** True when the request carries this session's CSRF token (form field or X-CSRF-Token header). */
function csrf_valid(): bool
{
    $sent = $_POST['_csrf'] ?? ($_SERVER['HTTP_X_CSRF_TOKEN'] ?? '');
    $expected = $_SESSION['csrf'] ?? '';
    return is_string($sent) && is_string($expected) && $expected !== '' && hash_equals($expected, $sent);
}

/** Queues a message for the next page shown; $type is success, error or info. */
function flash(string $type, string $message): void
{
    $_SESSION['flash'][] = ['type' => $type, 'message' => $message];
}

/** @return list<array{type: string, message: string}> */
function take_flashes(): array
{
    $flashes = $_SESSION['flash'] ?? [];
    unset($_SESSION['flash']);
    return is_array($flashes) ? $flashes : [];
}
