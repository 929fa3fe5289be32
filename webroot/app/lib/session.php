<?php
/**
 * The one place for the PHP session: starting it with safe cookie settings, renewing its
 * id, the idle timeout, CSRF tokens and flash messages. Who is logged in is auth.php's.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

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
}

/**
 * Ends a session left idle longer than $idleSeconds; true when it did. Every request
 * of a logged-in user counts as activity, including the live refresh of a page: an open
 * dashboard keeps its session, an abandoned form does not.
 */
function session_idle_expired(int $idleSeconds): bool
{
    $now = time();
    $seen = (int)($_SESSION['seen'] ?? $now);
    $_SESSION['seen'] = $now;
    return $now - $seen > $idleSeconds;
}

/** A fresh session id and CSRF token, keeping the session's data (at login: no fixation). */
function renew_session(): void
{
    session_regenerate_id(true);
    $_SESSION['csrf'] = bin2hex(random_bytes(32));
    $_SESSION['seen'] = time();
}

/** Forgets everything but the language, under a new id. */
function clear_session(): void
{
    $lang = $_SESSION['lang'] ?? null;
    $_SESSION = [];
    if ($lang !== null) {
        $_SESSION['lang'] = $lang;
    }
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
