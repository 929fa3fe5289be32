<?php
/**
 * Loads the site's helpers and sets the per-request defaults: errors go to the log (never
 * to the page), security headers, the session. Included by ../index.php only.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

// A stack trace on an admin page helps an attacker more than an operator: log it instead.
ini_set('display_errors', '0');
ini_set('log_errors', '1');
error_reporting(E_ALL);

require RELAIS_WEB_APP . '/lib/http.php';
require RELAIS_WEB_APP . '/lib/i18n.php';
require RELAIS_WEB_APP . '/lib/view.php';
require RELAIS_WEB_APP . '/lib/session.php';
require RELAIS_WEB_APP . '/lib/auth.php';
require RELAIS_WEB_APP . '/lib/chart.php';
require RELAIS_WEB_APP . '/lib/jobs.php';
require RELAIS_WEB_APP . '/lib/json_lines.php';
require RELAIS_WEB_APP . '/lib/core.php';
require RELAIS_WEB_APP . '/lib/dispatch.php';

send_security_headers();
start_session();
