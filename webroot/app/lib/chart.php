<?php
/**
 * The dashboard's chart, drawn on the server as SVG (no script, no library): jobs
 * created per hour over the last hours, each bar stacked by the jobs' status now.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

/** The SVG of Jobs::stats()['per_hour'] over the $hours hours up to now (UTC); already escaped. */
function jobs_per_hour_svg(array $perHour, int $hours, int $now): string
{
    $counts = [];
    foreach ($perHour as $row) {
        $counts[substr((string)$row['hour'], 0, 13)] = $row;
    }
    $slots = [];
    $first = intdiv($now, 3600) * 3600 - ($hours - 1) * 3600;
    for ($i = 0; $i < $hours; $i++) {
        $at = $first + $i * 3600;
        $row = $counts[gmdate('Y-m-d H', $at)] ?? ['total' => 0, 'by_status' => []];
        $by = $row['by_status'];
        $failed = (int)($by['failed'] ?? 0);
        $succeeded = (int)($by['succeeded'] ?? 0);
        $slots[] = ['at' => $at, 'succeeded' => $succeeded, 'failed' => $failed,
            'other' => max(0, (int)$row['total'] - $failed - $succeeded), 'total' => (int)$row['total']];
    }
    $max = max(1, ...array_column($slots, 'total'));
    $width = 720;
    $height = 180;
    $left = 40;
    $bottom = 22;
    $plotH = $height - $bottom - 8;
    $barW = ($width - $left) / $hours;
    $scale = static fn (int $n): float => $n * $plotH / $max;

    $total = array_sum(array_column($slots, 'total'));
    $svg = sprintf('<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
        $width, $height);
    $svg .= '<title id="chart-title">' . e(t('Jobs per hour, last {n} hours', ['n' => $hours])) . '</title>';
    $svg .= '<desc id="chart-desc">' . e(tn($total, '{n} job created', '{n} jobs created') . ', ' . t('at most {n} in one hour', ['n' => number($max)])) . '</desc>';
    foreach ([0, $max / 2, $max] as $tick) {
        $y = 8 + $plotH - $scale((int)round($tick));
        $svg .= sprintf('<line class="grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>', $left, $width, $y, $y);
        $svg .= sprintf('<text class="axis" x="%d" y="%.1f" text-anchor="end">%s</text>', $left - 6, $y + 4, e(number((int)round($tick))));
    }
    foreach ($slots as $i => $slot) {
        $x = $left + $i * $barW + 1;
        $y = 8 + $plotH;
        foreach (['succeeded', 'other', 'failed'] as $part) {
            $h = $scale($slot[$part]);
            if ($h <= 0) {
                continue;
            }
            $y -= $h;
            $svg .= sprintf('<rect class="bar bar-%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s</title></rect>',
                $part, $x, $y, $barW - 2, $h,
                e(gmdate('H:00', $slot['at']) . ' — ' . t('{ok} succeeded, {failed} failed, {other} other',
                    ['ok' => $slot['succeeded'], 'failed' => $slot['failed'], 'other' => $slot['other']])));
        }
        if ($i % 3 === 0) {
            $svg .= sprintf('<text class="axis" x="%.1f" y="%d" text-anchor="middle">%s</text>', $x + $barW / 2, $height - 6,
                e(gmdate('H', $slot['at']) . 'h'));
        }
    }
    return $svg . '</svg>';
}
