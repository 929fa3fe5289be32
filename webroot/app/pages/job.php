<?php
/** One job: summary, the actions its state allows, parameters, steps as a timeline, documents, log. */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'];
// Lines of a log page: as many as get() brings of the newest.
const LOG_PAGE_LINES = 1000;

$id = id_param('id', 'get') ?? (isset($args[0]) && preg_match('/^[1-9][0-9]{0,17}$/', (string)$args[0]) ? (int)$args[0] : null);
if ($id === null) {
    render('error', ['title' => t('Job not found'), 'heading' => t('Job not found'),
        'message' => t('A job number is a positive whole number.'), 'back' => url('jobs')], 404);
}

$level = param('level', 'get');
if (!in_array($level, LOG_LEVELS, true)) {
    $level = '';
}
// The log: the newest lines (get() brings them), or a page of one level or of older lines
// (?before= the 'next' cursor of the page shown before), filtered and paged by the core.
$before = id_param('before', 'get');
$paged = $level !== '' || $before !== null;

try {
    $job = client()->jobs()->get($id, !$paged);
} catch (\Relais\NotFoundException) {
    render('error', ['title' => t('Job not found'), 'heading' => t('Job not found'),
        'message' => t('There is no job #{id}.', ['id' => $id]), 'back' => url('jobs')], 404);
}
$log = $paged
    ? client()->jobs()->logPage($id, $level === '' ? null : $level, LOG_PAGE_LINES, $before === null ? null : (string)$before)
    : ['rows' => $job['log'], 'total' => $job['log_total'], 'next' => $job['log_next']];
$live = !in_array((string)$job['status'], FINAL_STATUSES, true);

render('job', [
    'title'   => t('Job #{id}', ['id' => $id]),
    'job'     => $job,
    'live'    => $live,
    'level'   => $level,
    'levels'  => LOG_LEVELS,
    'log'     => $log,
    'before'  => $before,
    // Without JavaScript, a job still in progress reloads itself (see the layout's <noscript>).
    'refresh' => $live ? 5 : null,
]);
