<?php
/**
 * Rendering: templates are plain PHP files under templates/, wrapped in layout.php.
 * Everything printed in a template goes through e(); the formatting helpers below
 * return plain text that the template escapes like any other value.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const JOB_STATUSES = ['queued', 'running', 'paused', 'retry_wait', 'succeeded', 'failed', 'cancelled'];
const FINAL_STATUSES = ['succeeded', 'failed', 'cancelled'];

/** Escapes a value for HTML text and attribute values. */
function e(mixed $value): string
{
    if ($value === null) {
        return '';
    }
    if (is_bool($value)) {
        $value = $value ? t('yes') : t('no');
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
        'lang'    => lang(),
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
        return $bytes . (lang() === 'fr' ? ' o' : ' B');
    }
    $units = lang() === 'fr' ? ['Kio', 'Mio', 'Gio', 'Tio'] : ['KiB', 'MiB', 'GiB', 'TiB'];
    $value = $bytes / 1024;
    $unit = 0;
    while ($value >= 1024 && $unit < count($units) - 1) {
        $value /= 1024;
        $unit++;
    }
    return number($value, 1) . ' ' . $units[$unit];
}

/** Duration between two timestamps (UTC, as the core gives them), e.g. "1 min 12 s"; '' when either is missing. */
function fmt_duration(?string $from, ?string $to): string
{
    $ms = duration_ms($from, $to);
    if ($ms === null) {
        return '';
    }
    $s = intdiv($ms, 1000);
    return match (true) {
        $s < 1 => $ms . ' ms',
        $s < 60 => number($ms / 1000, $s < 10 ? 1 : 0) . ' s',
        $s < 3600 => intdiv($s, 60) . ' min ' . ($s % 60) . ' s',
        default => intdiv($s, 3600) . ' h ' . intdiv($s % 3600, 60) . ' min',
    };
}

/** Milliseconds between two timestamps, or null when either is missing or they are out of order. */
function duration_ms(?string $from, ?string $to): ?int
{
    if (!$from || !$to) {
        return null;
    }
    try {
        $utc = new \DateTimeZone('UTC');
        $a = (float)(new \DateTimeImmutable($from, $utc))->format('U.u');
        $b = (float)(new \DateTimeImmutable($to, $utc))->format('U.u');
    } catch (\Exception) {
        return null;
    }
    return $b < $a ? null : (int)round(($b - $a) * 1000);
}

/** The status badge's HTML (already escaped): the translated label, the raw status in data-status. */
function status_badge(string $status): string
{
    $known = in_array($status, JOB_STATUSES, true) ? $status : 'unknown';
    return '<span class="badge badge-' . e($known) . '" data-status="' . e($status) . '">'
        . e(status_label($status)) . '</span>';
}

function status_label(string $status): string
{
    return match ($status) {
        'queued' => t('queued'),
        'running' => t('running'),
        'paused' => t('paused'),
        'retry_wait' => t('waiting to retry'),
        'succeeded' => t('succeeded'),
        'failed' => t('failed'),
        'cancelled' => t('cancelled'),
        default => $status,
    };
}

/** <option> tags for $choices (value => label), $selected marked (already escaped HTML). */
function options(array $choices, string $selected): string
{
    $html = '';
    foreach ($choices as $value => $label) {
        $value = (string)$value;
        $html .= '<option value="' . e($value) . '"' . ($value === $selected ? ' selected' : '') . '>'
            . e($label) . '</option>';
    }
    return $html;
}

/** The name of the page being served, for the navigation. */
function current_page(): string
{
    return $GLOBALS['relais_web_page'] ?? '';
}

/** The error messages of a page, each in an alert box (already escaped HTML). */
function error_boxes(array $messages): string
{
    $html = '';
    foreach ($messages as $message) {
        $html .= '<div class="flash flash-error" role="alert">' . e($message) . "</div>\n";
    }
    return $html;
}

/**
 * The links of a keyset-paged list (already escaped HTML): back to the newest entries
 * when on a later page, on to older ones when the core gave a 'next' cursor.
 */
function keyset_pager(string $page, array $query, ?int $cursor, ?string $next, string $olderLabel, string $note = ''): string
{
    $html = '<nav class="pager" aria-label="' . e(t('Pages')) . '">';
    if ($cursor !== null) {
        $html .= '<a class="btn" href="' . e(url($page, $query)) . '">' . e(t('« Newest')) . '</a>';
    }
    if ($next !== null) {
        $html .= '<a class="btn" rel="next" id="next-page" href="' . e(url($page, $query + ['before' => $next])) . '">'
            . e($olderLabel) . '</a>';
    }
    if ($note !== '') {
        $html .= '<span class="muted small">' . e($note) . '</span>';
    }
    return $html . '</nav>';
}
