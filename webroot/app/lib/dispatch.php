<?php
/**
 * Routing and the checks every request passes before its page runs: known page, allowed
 * method, login, CSRF token on POST. Failures that reach this level become an error page
 * with a short message; details go to the PHP error log.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

/** Page name and path arguments: "?page=job&id=3" or "/index.php/job/3". */
function route_request(): array
{
    $page = param('page', 'get');
    $args = [];
    $pathInfo = trim((string)($_SERVER['PATH_INFO'] ?? ''), '/');
    if ($page === '' && $pathInfo !== '') {
        $parts = explode('/', $pathInfo);
        $page = array_shift($parts);
        $args = $parts;
    }
    if ($page === '') {
        $page = isset($_SESSION['login']) ? 'dashboard' : 'login';
    }
    return [$page, $args];
}

/**
 * @param array<string, array{file: string, methods: list<string>, auth: bool, perm?: array<string, string>}> $routes
 */
function dispatch(array $routes): never
{
    [$page, $args] = route_request();
    $GLOBALS['relais_web_page'] = $page;

    try {
        $route = $routes[$page] ?? null;
        if ($route === null || !preg_match('/^[a-z][a-z0-9_-]*$/', $page)) {
            identify_quietly();
            render('error', ['title' => t('Page not found'), 'heading' => t('Page not found'),
                'message' => t('There is no page named "{page}".', ['page' => $page])], 404);
        }
        $method = request_method();
        if ($method === 'HEAD') {
            $method = 'GET';
        }
        if (!in_array($method, $route['methods'], true)) {
            header('Allow: ' . implode(', ', $route['methods']));
            render('error', ['title' => t('Method not allowed'), 'heading' => t('Method not allowed'),
                'message' => t('The page "{page}" does not accept {method} requests.', ['page' => $page, 'method' => $method])], 405);
        }
        if ($route['auth']) {
            load_session_user();
        } else {
            identify_quietly();
        }
        if ($method === 'POST') {
            check_post($page);
        }
        if ($route['auth']) {
            require_login();
            $permission = $route['perm'][$method] ?? null;
            if ($permission !== null) {
                require_permission($permission);
            }
        }
        run_page(RELAIS_WEB_APP . '/pages/' . $route['file'], $args);
        exit;
    } catch (\Throwable $err) {
        error_log(sprintf('relais web: %s on page %s: %s in %s:%d', get_class($err), $page,
            $err->getMessage(), $err->getFile(), $err->getLine()));
        if (is_core_error($err)) {
            render('error', ['title' => t('Relais core error'), 'heading' => t('The Relais core reported an error'),
                'message' => core_error(t('Loading the page "{page}" failed', ['page' => $page]), $err)], 503);
        }
        render('error', ['title' => t('Internal error'), 'heading' => t('Internal error'),
            'message' => t('The page "{page}" failed unexpectedly. The details are in the web server\'s error log.', ['page' => $page])], 500);
    }
}

/** The session's user for pages open to anyone (login, errors): anonymous when the core cannot tell. */
function identify_quietly(): void
{
    try {
        load_session_user();
    } catch (\Throwable $err) {
        if (!is_core_error($err)) {
            throw $err;
        }
        $GLOBALS['relais_web_user'] = null;
    }
}

/** Refuses a POST whose body was dropped for its size or that lacks this session's CSRF token. */
function check_post(string $page): void
{
    $length = (int)($_SERVER['CONTENT_LENGTH'] ?? 0);
    if ($_POST === [] && $_FILES === [] && $length > 0) {
        render('error', ['title' => t('Upload too large'), 'heading' => t('Upload too large'),
            'message' => t('The form sent {size}, more than this server accepts (post_max_size = {max}). Send fewer or smaller files.',
                ['size' => fmt_size($length), 'max' => (string)ini_get('post_max_size')])], 413);
    }
    if (!csrf_valid()) {
        // A login or logout form left open until the session expired: refused like any
        // other (403: no login is tried), but said in the words of that page, whose form
        // comes back with a fresh token.
        if ($page === 'login') {
            render('login', ['title' => t('Log in'), 'login' => param('login', 'post'),
                'error' => t('The login form had expired; please log in again.')], 403);
        }
        if ($page === 'logout' && current_user() === null) {
            redirect(url('login'));
        }
        if (current_user() !== null) {
            audit('csrf.refused', $page);
        }
        render('error', ['title' => t('Request refused'), 'heading' => t('Request refused'),
            'message' => t('This form was not sent from a current page of this site (missing or wrong CSRF token). Reload the page and try again.')], 403);
    }
}

/** Runs one page file in a scope of its own; $args are the PATH_INFO segments after the page name. */
function run_page(string $__file, array $args): void
{
    require $__file;
}
