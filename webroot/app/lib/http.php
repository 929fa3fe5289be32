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

function send_security_headers(): void
{
    header('X-Content-Type-Options: nosniff');
    header('X-Frame-Options: DENY');
    header('Referrer-Policy: same-origin');
    header("Content-Security-Policy: default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    // Pages show live job data: never serve them from a cache.
    header('Cache-Control: no-store');
}

function is_https(): bool
{
    return (!empty($_SERVER['HTTPS']) && $_SERVER['HTTPS'] !== 'off')
        || (string)($_SERVER['SERVER_PORT'] ?? '') === '443';
}
