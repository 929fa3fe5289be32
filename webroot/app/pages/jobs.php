<?php
/**
 * The job list: filters (status, flow, partner, creation period, document name), keyset
 * pages (?before= the 'next' cursor of the page before), live refresh of the jobs in
 * progress, and the selection for bulk retry / cancel (jobs-bulk).
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const JOB_LIST_LIMITS = [50, 100, 200, 500];

$filter = job_filter_from_request();
$limit = (int)param('limit', 'get');
if (!in_array($limit, JOB_LIST_LIMITS, true)) {
    $limit = JOB_LIST_LIMITS[0];
}
$cursor = id_param('before', 'get');
$errors = [];

$flows = try_core(fn () => client()->flows()->list(), t('Could not load the list of flows'), $errors, []);
$flowNames = array_map(static fn (array $f): string => (string)$f['name'], $flows);
sort($flowNames);
if ($filter['flow'] !== '' && !in_array($filter['flow'], $flowNames, true)) {
    // Keep the choice visible even when the flow has since been removed.
    $flowNames[] = $filter['flow'];
}

$page = null;
$status = 200;
try {
    $page = client()->jobs()->list(core_job_filter($filter), $limit, $cursor === null ? null : (string)$cursor);
} catch (\Throwable $err) {
    if (!is_core_error($err)) {
        throw $err;
    }
    $refused = is_core_exception($err, \Relais\ValidationException::class);
    $status = $refused ? 422 : 503;
    $errors[] = $refused
        ? t('The filter was not applied: {why}', ['why' => $err->getMessage()])
        : core_error(t('Could not load the job list'), $err);
}

render('jobs', [
    'title'     => t('Jobs'),
    'jobs'      => $page['rows'] ?? null,
    'next'      => $page['next'] ?? null,
    'cursor'    => $cursor,
    'errors'    => $errors,
    'filter'    => $filter,
    'limit'     => $limit,
    'limits'    => JOB_LIST_LIMITS,
    'flowNames' => $flowNames,
], $status);
