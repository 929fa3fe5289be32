<?php
/**
 * Request and response plumbing: building URLs that work at any mount point and with or
 * without PATH_INFO, redirects, reading request parameters as strings.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

/** Path of the front controller as the browser sees it, e.g. "/index.php" or "/relais/index.php". */
function script_path(): string
{
    $script = (string)($_SERVER['SCRIPT_NAME'] ?? '/index.php');
    return $script === '' ? '/index.php' : $script;
}

/** URL of a page: url('job', ['id' => 5]) => "/index.php?page=job&id=5". */
function url(string $page, array $query = []): string
{
    $query = ['page' => $page] + array_filter($query, static fn ($v) => $v !== null && $v !== '');
    return script_path() . '?' . http_build_query($query, '', '&', PHP_QUERY_RFC3986);
}

/** URL of a static file under webroot/assets/. */
function asset(string $file): string
{
    $dir = rtrim(str_replace('\\', '/', dirname(script_path())), '/');
    $path = RELAIS_WEB_APP . '/../assets/' . $file;
    $version = is_file($path) ? '?v=' . filemtime($path) : '';
    return $dir . '/assets/' . $file . $version;
}

/** Ends the request with a redirect; 303 so that a POST is followed by a GET. */
function redirect(string $location, int $status = 303): never
{
    header('Location: ' . $location, true, $status);
    exit;
}

function request_method(): string
{
    return strtoupper((string)($_SERVER['REQUEST_METHOD'] ?? 'GET'));
}

/** A query or form parameter as a trimmed string ('' when absent or not a string). */
function param(string $name, string $source = 'any'): string
{
    $value = match ($source) {
        'get'  => $_GET[$name] ?? null,
        'post' => $_POST[$name] ?? null,
        default => $_POST[$name] ?? $_GET[$name] ?? null,
    };
    return is_string($value) ? trim($value) : '';
}

/**
 * Sent with every response of the site. No inline script or style is allowed (CSP): the
 * pages' JavaScript and CSS come from assets/ only, so an injected <script> cannot run.
 */
function send_security_headers(): void
{
    header('X-Content-Type-Options: nosniff');
    header('X-Frame-Options: DENY');
    header('Referrer-Policy: same-origin');
    header("Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        . "object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    header('Cross-Origin-Opener-Policy: same-origin');
    if (is_https()) {
        header('Strict-Transport-Security: max-age=31536000');
    }
    // Pages show live job data: never serve them from a cache.
    header('Cache-Control: no-store');
}

/** A whole-number parameter of at least 1 (ids, versions), or null. */
function id_param(string $name, string $source = 'any'): ?int
{
    $value = param($name, $source);
    return preg_match('/^[1-9][0-9]{0,17}$/', $value) ? (int)$value : null;
}

/** True when the request asks for JSON (the pages' own fetch calls). */
function wants_json(): bool
{
    return str_contains((string)($_SERVER['HTTP_ACCEPT'] ?? ''), 'application/json');
}

/** Ends the request with a JSON body. */
function send_json(array $data, int $status = 200): never
{
    http_response_code($status);
    header('Content-Type: application/json; charset=UTF-8');
    echo json_encode($data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
    exit;
}

function is_https(): bool
{
    return (!empty($_SERVER['HTTPS']) && $_SERVER['HTTPS'] !== 'off')
        || (string)($_SERVER['SERVER_PORT'] ?? '') === '443';
}
