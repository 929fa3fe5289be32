<?php
/**
 * Who is logged in and what they may do. The session holds only the login; every request
 * reads the user again from the core, so that a disabled user is out and a changed role
 * applies at once. The permissions of a role come from the core (Users::permissions),
 * the one place that says what admin, operator and viewer may do.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

/** ['login', 'role', 'language', 'permissions' => list<string>] of the logged-in user, or null. */
function current_user(): ?array
{
    return $GLOBALS['relais_web_user'] ?? null;
}

/** True when the logged-in user's role allows $permission (e.g. "job.control"). */
function can(string $permission): bool
{
    return in_array($permission, current_user()['permissions'] ?? [], true);
}

/**
 * Loads the user of this session from the core, ending the session when it was idle too
 * long or its user was disabled or removed meanwhile.
 */
function load_session_user(): void
{
    $GLOBALS['relais_web_user'] = null;
    $login = $_SESSION['login'] ?? null;
    if (!is_string($login) || $login === '') {
        return;
    }
    $web = web_settings();
    if (session_idle_expired(60 * (int)$web['session_idle_minutes'])) {
        audit('logout.idle', 'user ' . $login, null, $login);
        clear_session();
        flash('info', t('Your session ended after {n} minutes without activity; please log in again.',
            ['n' => $web['session_idle_minutes']]));
        return;
    }
    try {
        $user = client()->users()->get($login);
    } catch (\Relais\NotFoundException) {
        $user = null;
    }
    if ($user === null || empty($user['enabled'])) {
        clear_session();
        flash('error', t('Your account is disabled; ask an administrator.'));
        return;
    }
    $GLOBALS['relais_web_user'] = [
        'login'       => (string)$user['login'],
        'role'        => (string)$user['role'],
        'language'    => (string)($user['language'] ?? DEFAULT_LANGUAGE),
        'permissions' => client()->users()->permissions((string)$user['role']),
    ];
}

/** The [web] settings of relais.ini (the core fills in the defaults). */
function web_settings(): array
{
    static $web = null;
    return $web ??= client()->settings()['web'];
}

/** Starts the session of $user (from Users::authenticate*), under a new session id. */
function log_in(array $user, string $how): void
{
    // A new id at the privilege change, so a session id planted before login is worthless.
    renew_session();
    $_SESSION['login'] = (string)$user['login'];
    $_SESSION['lang'] = (string)($user['language'] ?? DEFAULT_LANGUAGE);
    load_session_user();
    audit('login', 'user ' . $user['login'], $how);
}

function log_out(): void
{
    if (current_user() !== null) {
        audit('logout', 'user ' . current_user()['login']);
    }
    clear_session();
    $GLOBALS['relais_web_user'] = null;
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

/** Refuses the request (403) unless the user's role allows $permission. */
function require_permission(string $permission): void
{
    if (can($permission)) {
        return;
    }
    if (request_method() === 'POST') {
        audit('access.denied', current_page(), $permission);
    }
    render('error', ['title' => t('Not allowed'), 'heading' => t('Not allowed'),
        'message' => t('Your role ({role}) does not allow this ({permission}). Ask an administrator if you need it.',
            ['role' => t(current_user()['role'] ?? 'viewer'), 'permission' => $permission])], 403);
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
    return url('dashboard');
}

/** The client's address as Apache saw it. */
function client_ip(): ?string
{
    $ip = (string)($_SERVER['REMOTE_ADDR'] ?? '');
    return $ip === '' ? null : $ip;
}

/**
 * Appends to the audit log as the logged-in user (or $login). An audit failure is logged
 * and does not undo the action, which has already happened.
 */
function audit(string $action, string $target = '', ?string $details = null, ?string $login = null): void
{
    $who = $login ?? (current_user()['login'] ?? null);
    if ($who === null || $who === '') {
        return;
    }
    try {
        client()->users()->audit($who, $action, $target, $details, client_ip());
    } catch (\Throwable $err) {
        if (!is_core_error($err)) {
            throw $err;
        }
        error_log('relais web: audit ' . $action . ' ' . $target . ' failed: ' . $err->getMessage());
    }
}

/**
 * The client certificate Apache verified on this TLS connection (SSLVerifyClient,
 * SSLOptions +StdEnvVars), as ['subject', 'serial'], or null.
 */
function verified_client_certificate(): ?array
{
    if (($_SERVER['SSL_CLIENT_VERIFY'] ?? '') !== 'SUCCESS') {
        return null;
    }
    $subject = trim((string)($_SERVER['SSL_CLIENT_S_DN'] ?? ''));
    $serial = trim((string)($_SERVER['SSL_CLIENT_M_SERIAL'] ?? ''));
    return $subject === '' || $serial === '' ? null : ['subject' => $subject, 'serial' => $serial];
}
