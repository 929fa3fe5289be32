<?php
/**
 * Rendering: templates are plain PHP files under templates/, wrapped in layout.php.
 * Everything printed in a template goes through e(); the formatting helpers below
 * return plain text that the template escapes like any other value.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'retry_wait', 'cancelled'];
const FINAL_STATUSES = ['succeeded', 'failed', 'cancelled'];

/** Escapes a value for HTML text and attribute values. */
function e(mixed $value): string
{
    if ($value === null) {
        return '';
    }
    if (is_bool($value)) {
        $value = $value ? 'yes' : 'no';
    }
    return htmlspecialchars((string)$value, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
}

/**
 * Renders templates/$template.php inside the layout and ends the request.
 * $vars become the template's variables; 'title' and 'refresh' are read by the layout.
 */
function render(string $template, array $vars = [], int $status = 200): never
{
    http_response_code($status);
    header('Content-Type: text/html; charset=UTF-8');
    $content = render_partial($template, $vars);
    echo render_partial('layout', $vars + [
        'content' => $content,
        'title'   => 'Relais',
        'refresh' => null,
        'user'    => current_user(),
        'flashes' => take_flashes(),
        'page'    => current_page(),
    ]);
    exit;
}

/** Returns the output of one template, with $vars in its scope. */
function render_partial(string $template, array $vars = []): string
{
    $file = RELAIS_WEB_APP . '/templates/' . basename($template) . '.php';
    ob_start();
    try {
        (static function (string $__file, array $__vars): void {
            extract($__vars, EXTR_SKIP);
            require $__file;
        })($file, $vars);
    } catch (\Throwable $err) {
        ob_end_clean();
        throw $err;
    }
    return (string)ob_get_clean();
}

/** ISO 8601 date and time to the second ("2024-05-02 14:03:07"), or '—' when unset. */
function fmt_time(?string $value): string
{
    if ($value === null || $value === '') {
        return '—';
    }
    if (preg_match('/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})/', $value, $m)) {
        return $m[1] . ' ' . $m[2];
    }
    return $value;
}

/** A byte count for people: "12.3 KiB". */
function fmt_size(int $bytes): string
{
    if ($bytes < 1024) {
        return $bytes . ' B';
    }
    $units = ['KiB', 'MiB', 'GiB', 'TiB'];
    $value = $bytes / 1024;
    $unit = 0;
    while ($value >= 1024 && $unit < count($units) - 1) {
        $value /= 1024;
        $unit++;
    }
    return sprintf('%.1f %s', $value, $units[$unit]);
}

/** Duration between two timestamps, e.g. "1 min 12 s"; '' when either is missing. */
function fmt_duration(?string $from, ?string $to): string
{
    if (!$from || !$to) {
        return '';
    }
    $a = strtotime($from);
    $b = strtotime($to);
    if ($a === false || $b === false || $b < $a) {
        return '';
    }
    $s = $b - $a;
    if ($s < 60) {
        return $s . ' s';
    }
    if ($s < 3600) {
        return intdiv($s, 60) . ' min ' . ($s % 60) . ' s';
    }
    return intdiv($s, 3600) . ' h ' . intdiv($s % 3600, 60) . ' min';
}

/** The status badge's HTML (already escaped). */
function status_badge(string $status): string
{
    $known = in_array($status, JOB_STATUSES, true) ? $status : 'unknown';
    return '<span class="badge badge-' . e($known) . '" data-status="' . e($status) . '">'
        . e($status) . '</span>';
}

/** The name of the page being served, for the navigation. */
function current_page(): string
{
    return $GLOBALS['relais_web_page'] ?? '';
}
