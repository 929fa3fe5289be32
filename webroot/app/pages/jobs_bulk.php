<?php
/**
 * Bulk retry or cancel. The jobs list posts the selected ids (or "all matching the
 * filter"); this page first asks for a confirmation that says how many jobs, then acts
 * through Jobs::retryMany/cancelMany, each job on its own. With JavaScript the confirmed
 * batch goes in chunks (Accept: application/json) so that the page shows progress.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const BULK_MAX = 10000;

$action = param('action', 'post');
if (!in_array($action, ['retry', 'cancel'], true)) {
    render('error', ['title' => t('Unknown action'), 'heading' => t('Unknown action'),
        'message' => t('Choose Retry or Cancel.'), 'back' => url('jobs')], 400);
}
$filter = job_filter_from_request('post');
$back = url('jobs', core_job_filter($filter));

if (param('confirm', 'post') === '1') {
    $ids = parse_ids((string)($_POST['ids'] ?? ''));
    $jobs = client()->jobs();
    $outcome = $action === 'retry' ? $jobs->retryMany($ids, 'web:' . current_user()['login'])
                                   : $jobs->cancelMany($ids, 'web:' . current_user()['login']);
    $done = count($outcome['done']);
    $refused = count($outcome['refused']);
    if ($done > 0) {
        audit('job.bulk_' . $action, tn($done, '{n} job', '{n} jobs'), implode(',', $outcome['done']));
    }
    if (wants_json()) {
        send_json(['done' => $done, 'refused' => array_map('strval', $outcome['refused'])]);
    }
    flash($done > 0 ? 'success' : 'info', $action === 'retry'
        ? tn($done, '{n} job queued again.', '{n} jobs queued again.')
        : tn($done, '{n} job cancelled.', '{n} jobs cancelled.'));
    if ($refused > 0) {
        $examples = array_slice($outcome['refused'], 0, 3, true);
        flash('error', tn($refused, '{n} job was left as it was', '{n} jobs were left as they were') . ': '
            . implode(' ', $examples) . ($refused > 3 ? ' …' : ''));
    }
    redirect($back);
}

// The confirmation: the ids chosen on the list, or every job matching its filter.
if (param('all_matching', 'post') === '1') {
    $ids = matching_job_ids(core_job_filter($filter), BULK_MAX);
} else {
    $ids = array_values(array_filter(array_map('intval', (array)($_POST['ids'] ?? [])), static fn (int $id) => $id > 0));
}
if ($ids === []) {
    flash('info', t('Select at least one job first.'));
    redirect($back);
}
render('jobs_bulk', [
    'title'  => $action === 'retry' ? t('Retry jobs') : t('Cancel jobs'),
    'action' => $action,
    'ids'    => $ids,
    'filter' => core_job_filter($filter),
    'back'   => $back,
]);

/** "1,2,3" to a list of positive ids (at most BULK_MAX). */
function parse_ids(string $text): array
{
    $ids = [];
    foreach (explode(',', $text) as $part) {
        if (preg_match('/^\s*([1-9][0-9]{0,17})\s*$/', $part, $m)) {
            $ids[] = (int)$m[1];
        }
    }
    return array_slice(array_values(array_unique($ids)), 0, BULK_MAX);
}

/** The ids of the jobs matching $filter, newest first, at most $max (keyset pages of the core). */
function matching_job_ids(array $filter, int $max): array
{
    $ids = [];
    $cursor = null;
    do {
        $page = client()->jobs()->list($filter, min(1000, $max - count($ids)), $cursor);
        foreach ($page['rows'] as $row) {
            $ids[] = (int)$row['id'];
        }
        $cursor = $page['next'];
    } while ($cursor !== null && count($ids) < $max);
    return $ids;
}
