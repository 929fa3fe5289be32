<?php
/**
 * The route table: page name => [file under pages/, allowed methods, needs a login].
 * A name not listed here is a 404; a method not listed is a 405.
 */
declare(strict_types=1);
defined('RELAIS_WEB') || exit;

return [
    'login'  => ['file' => 'login.php',  'methods' => ['GET', 'POST'], 'auth' => false],
    'logout' => ['file' => 'logout.php', 'methods' => ['POST'],        'auth' => false],
    'jobs'   => ['file' => 'jobs.php',   'methods' => ['GET'],         'auth' => true],
    'job'    => ['file' => 'job.php',    'methods' => ['GET'],         'auth' => true],
    'run'    => ['file' => 'run.php',    'methods' => ['GET', 'POST'], 'auth' => true],
];
