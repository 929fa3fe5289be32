<?php
/**
 * What the job pages share: the list filter as the URL carries it, and as the core takes it.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const JOB_FILTER_KEYS = ['status', 'flow', 'partner', 'from', 'to', 'text'];

/** The job list filter of the query string (or of a form that carried it), each key a string ('' = none). */
function job_filter_from_request(string $source = 'get'): array
{
    $filter = [];
    foreach (JOB_FILTER_KEYS as $key) {
        $filter[$key] = param($key, $source);
    }
    // The datetime-local inputs send "2024-05-01T14:00".
    foreach (['from', 'to'] as $key) {
        $filter[$key] = str_replace('T', ' ', $filter[$key]);
    }
    if ($filter['status'] !== '' && !in_array($filter['status'], JOB_STATUSES, true)) {
        $filter['status'] = '';
    }
    return $filter;
}

/** The filter for Jobs::list(): only the keys set. */
function core_job_filter(array $filter): array
{
    return array_filter($filter, static fn (string $v): bool => $v !== '');
}

/** True when any filter is set. */
function job_filter_active(array $filter): bool
{
    return core_job_filter($filter) !== [];
}
