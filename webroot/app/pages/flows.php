<?php
/** The flows: enabled state, version, trigger, steps, last run; enable/disable and run now by role. */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$errors = [];
$flows = try_core(fn () => client()->flows()->list(), t('Could not load the list of flows'), $errors);
$lastJobs = try_core(fn () => client()->jobs()->lastJobByFlow(), t('Could not find the last run of each flow'), $errors, []);
if ($flows !== null) {
    usort($flows, static fn (array $a, array $b): int => strcmp((string)$a['name'], (string)$b['name']));
}

render('flows', [
    'title'    => t('Flows'),
    'flows'    => $flows,
    'lastJobs' => $lastJobs,
    'errors'   => $errors,
], $flows === null ? 503 : 200);
