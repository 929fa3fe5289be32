<?php
/**
 * The route table: page name => file under pages/, allowed methods, whether it needs a
 * login, and the permission each method needs (from Users::permissions, checked by the
 * dispatcher before the page runs, so that no action depends on a hidden button).
 * A name not listed here is a 404; a method not listed is a 405.
 */
declare(strict_types=1);
defined('RELAIS_WEB') || exit;

$read = ['GET' => 'view'];

return [
    'login'      => ['file' => 'login.php',      'methods' => ['GET', 'POST'], 'auth' => false],
    'login-cert' => ['file' => 'login_cert.php', 'methods' => ['GET', 'POST'], 'auth' => false],
    'logout'     => ['file' => 'logout.php',     'methods' => ['POST'],        'auth' => false],
    'dashboard'  => ['file' => 'dashboard.php',  'methods' => ['GET'],         'auth' => true, 'perm' => $read],
    'jobs'       => ['file' => 'jobs.php',       'methods' => ['GET'],         'auth' => true, 'perm' => $read],
    'jobs-bulk'  => ['file' => 'jobs_bulk.php',  'methods' => ['POST'],        'auth' => true, 'perm' => ['POST' => 'job.control']],
    'job'        => ['file' => 'job.php',        'methods' => ['GET'],         'auth' => true, 'perm' => $read],
    'job-action' => ['file' => 'job_action.php', 'methods' => ['POST'],        'auth' => true, 'perm' => ['POST' => 'job.control']],
    'document'   => ['file' => 'document.php',   'methods' => ['GET'],         'auth' => true, 'perm' => $read],
    'run'        => ['file' => 'run.php',        'methods' => ['GET', 'POST'], 'auth' => true, 'perm' => ['GET' => 'job.run', 'POST' => 'job.run']],
    'flows'      => ['file' => 'flows.php',      'methods' => ['GET'],         'auth' => true, 'perm' => $read],
    'flow'       => ['file' => 'flow.php',       'methods' => ['GET', 'POST'], 'auth' => true, 'perm' => $read + ['POST' => 'flow.edit']],
    'partners'   => ['file' => 'partners.php',   'methods' => ['GET'],         'auth' => true, 'perm' => $read],
    'partner'    => ['file' => 'partner.php',    'methods' => ['GET', 'POST'], 'auth' => true, 'perm' => $read + ['POST' => 'partner.edit']],
    'sage'       => ['file' => 'sage.php',       'methods' => ['GET', 'POST'], 'auth' => true, 'perm' => $read + ['POST' => 'job.run']],
    'users'      => ['file' => 'users.php',      'methods' => ['GET', 'POST'], 'auth' => true, 'perm' => ['GET' => 'user.manage', 'POST' => 'user.manage']],
    'audit'      => ['file' => 'audit.php',      'methods' => ['GET'],         'auth' => true, 'perm' => ['GET' => 'audit.view']],
    'system'     => ['file' => 'system.php',     'methods' => ['GET'],         'auth' => true, 'perm' => ['GET' => 'system.view']],
    'mssante'    => ['file' => 'mssante.php',    'methods' => ['GET', 'POST'], 'auth' => true, 'perm' => ['GET' => 'system.view', 'POST' => 'system.view']],
    'dossiers'   => ['file' => 'dossiers.php',   'methods' => ['GET'],         'auth' => true, 'perm' => $read],
    'dossier'    => ['file' => 'dossier.php',    'methods' => ['GET'],         'auth' => true, 'perm' => $read],
    'dossier-access' => ['file' => 'dossier_access.php', 'methods' => ['GET'], 'auth' => false],
    'applications' => ['file' => 'applications.php', 'methods' => ['GET', 'POST'], 'auth' => true, 'perm' => $read + ['POST' => 'user.manage']],
    'account'    => ['file' => 'account.php',    'methods' => ['GET', 'POST'], 'auth' => true],
];
