<?php
/**
 * The dashboard: jobs by status now, jobs per hour over 24 hours, the flows failing most,
 * the engine nodes, the content store's disk, partner certificates that expire soon. Refreshes itself (app.js; without
 * JavaScript a <noscript> meta refresh).
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const DASHBOARD_HOURS = 24;

$errors = [];
$jobs = client()->jobs();
$stats = try_core(fn () => $jobs->stats(DASHBOARD_HOURS), t('Could not count the jobs'), $errors);
$failures = try_core(fn () => $jobs->failuresByFlow(DASHBOARD_HOURS, 5), t('Could not count the failures by flow'), $errors, []);
$nodes = try_core(fn () => client()->nodes()->list(), t('Could not list the engine nodes'), $errors, []);
$store = try_core(fn () => client()->storeUsage(), t('Could not read the content store\'s disk space'), $errors);
$certificates = try_core(fn () => client()->partners()->expiringCertificates(30), t('Could not list the certificates that expire soon'), $errors, []);

render('dashboard', [
    'title'    => t('Dashboard'),
    'errors'   => $errors,
    'stats'    => $stats,
    'hours'    => DASHBOARD_HOURS,
    'failures' => $failures,
    'nodes'    => $nodes,
    'store'    => $store,
    'certificates' => $certificates,
    'refresh'  => 15,
], $stats === null ? 503 : 200);
