<?php
/** One job: its summary, parameters, steps, documents and log. */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$rawId = param('id', 'get');
if ($rawId === '' && isset($args[0])) {
    $rawId = (string)$args[0];
}
if (!preg_match('/^[1-9][0-9]{0,17}$/', $rawId)) {
    render('error', ['title' => 'Job not found', 'heading' => 'Job not found',
        'message' => $rawId === '' ? 'No job number was given.' : 'A job number is a positive whole number, not "' . $rawId . '".',
        'back' => url('jobs')], 404);
}
$id = (int)$rawId;

try {
    $job = client()->jobs()->get($id);
} catch (\Throwable $err) {
    if (!is_core_error($err)) {
        throw $err;
    }
    if (class_exists(\Relais\NotFoundException::class, false) && $err instanceof \Relais\NotFoundException) {
        render('error', ['title' => 'Job not found', 'heading' => 'Job not found',
            'message' => 'There is no job #' . $id . '.', 'back' => url('jobs')], 404);
    }
    render('error', ['title' => 'Relais core error', 'heading' => 'Job #' . $id,
        'message' => core_error('Could not load job #' . $id, $err), 'back' => url('jobs')], 503);
}

$live = !in_array((string)$job['status'], FINAL_STATUSES, true);

render('job', [
    'title'   => 'Job #' . $id . ' — Relais',
    'job'     => $job,
    'live'    => $live,
    // Without JavaScript, a job still in progress reloads itself (see the layout's <noscript>).
    'refresh' => $live ? 5 : null,
]);
