<?php
/**
 * Front controller of the Relais admin site: every page and action goes through here.
 *
 * Routes come from ?page=NAME (works on any Apache) or from PATH_INFO
 * (/index.php/NAME[/ID]). Only names listed in app/routes.php are reachable; the files
 * under app/ refuse to run unless this file defined RELAIS_WEB first.
 */
declare(strict_types=1);

define('RELAIS_WEB', true);
define('RELAIS_WEB_APP', __DIR__ . '/app');

require RELAIS_WEB_APP . '/bootstrap.php';

Relais\Web\dispatch(require RELAIS_WEB_APP . '/routes.php');
