<?php
/** Recent jobs, filtered by status and flow; newest first. */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const JOB_LIST_LIMITS = [50, 100, 200, 500];

$status = param('status', 'get');
$flow = param('flow', 'get');
$limit = (int)param('limit', 'get');
if (!in_array($limit, JOB_LIST_LIMITS, true)) {
    $limit = JOB_LIST_LIMITS[0];
}
$errors = [];

if ($status !== '' && !in_array($status, JOB_STATUSES, true)) {
    $errors[] = 'There is no job status "' . $status . '"; showing all statuses.';
    $status = '';
}

$flows = [];
$flowsError = null;
try {
    $flows = client()->flows()->list();
} catch (\Throwable $err) {
    if (!is_core_error($err)) {
        throw $err;
    }
    $flowsError = core_error('Could not load the list of flows', $err);
}
$flowNames = array_map(static fn (array $f): string => (string)$f['name'], $flows);
sort($flowNames);
if ($flow !== '' && !in_array($flow, $flowNames, true)) {
    // Keep the choice visible even when the flow has since been removed.
    $flowNames[] = $flow;
}

$jobs = null;
$filter = array_filter(['status' => $status, 'flow' => $flow], static fn (string $v): bool => $v !== '');
try {
    $jobs = client()->jobs()->list($filter, $limit)['rows'];
} catch (\Throwable $err) {
    if (!is_core_error($err)) {
        throw $err;
    }
    if (class_exists(\Relais\NotFoundException::class, false) && $err instanceof \Relais\NotFoundException) {
        $errors[] = 'There is no flow named "' . $flow . '".';
    } else {
        $errors[] = core_error('Could not load the job list', $err);
    }
}

// When both fail it is for the same reason: say it once, about the list.
if ($flowsError !== null && $jobs !== null) {
    $errors[] = $flowsError;
}

render('jobs', [
    'title'     => 'Jobs — Relais',
    'jobs'      => $jobs,
    'errors'    => $errors,
    'status'    => $status,
    'flow'      => $flow,
    'limit'     => $limit,
    'limits'    => JOB_LIST_LIMITS,
    'flowNames' => $flowNames,
], $jobs === null ? 503 : 200);
