<?php
/**
 * The system page (system.view): the prerequisites of the Use it Flow seed, section 2.2.2
 * (PHP modules and settings, seen from this PHP), the database's InnoDB and sql_mode and
 * free disk against the minimums (from the core), versions, and the settings in use with
 * the secrets masked.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

// Section 2.2.2: XML, XSL, MySQL, CURL, DOM, GD, MBSTRING, LDAP, SOAP, and PDO, PDO_ODBC
// for SQL Server; named here as PHP's extension names.
const PHP_MODULES = [
    'XML' => 'xml', 'XSL' => 'xsl', 'MySQL' => 'mysqli', 'CURL' => 'curl', 'DOM' => 'dom', 'GD' => 'gd',
    'MBSTRING' => 'mbstring', 'LDAP' => 'ldap', 'SOAP' => 'soap', 'PDO' => 'pdo', 'PDO_ODBC' => 'pdo_odbc',
];

$modules = [];
foreach (PHP_MODULES as $label => $ext) {
    $modules[] = ['name' => $label, 'found' => extension_loaded($ext) ? (phpversion($ext) ?: t('loaded')) : t('missing'),
        'expected' => t('loaded'), 'level' => extension_loaded($ext) ? 'ok' : ($ext === 'pdo_odbc' ? 'warn' : 'fail')];
}
$settings = [
    ['name' => 'register_globals', 'found' => t('removed since PHP 5.4'), 'expected' => 'Off', 'level' => 'ok'],
    ['name' => 'SMTP', 'found' => (string)ini_get('SMTP') . ':' . (string)ini_get('smtp_port') . ' · sendmail_path=' . (string)ini_get('sendmail_path'),
        'expected' => t('a reachable mail server'), 'level' => ini_get('sendmail_path') || ini_get('SMTP') ? 'ok' : 'warn'],
    ['name' => 'upload_max_filesize / post_max_size', 'found' => ini_get('upload_max_filesize') . ' / ' . ini_get('post_max_size'),
        'expected' => t('the largest document you exchange'), 'level' => 'ok'],
    ['name' => 'session.cookie_httponly', 'found' => ini_get('session.cookie_httponly') ? 'On' : 'Off', 'expected' => 'On',
        'level' => ini_get('session.cookie_httponly') ? 'ok' : 'warn'],
    ['name' => 'display_errors', 'found' => ini_get('display_errors') ? 'On' : 'Off', 'expected' => 'Off',
        'level' => ini_get('display_errors') ? 'warn' : 'ok'],
];

$system = client()->system(dirname($_SERVER['SCRIPT_FILENAME'] ?? __DIR__));
render('system', [
    'title'    => t('System'),
    'modules'  => $modules,
    'settings' => $settings,
    'system'   => $system,
    'config'   => client()->settings(),
    'versions' => [
        'Relais' => $system['version'],
        'PHP' => PHP_VERSION . ' (' . PHP_SAPI . ')',
        'Apache' => function_exists('apache_get_version') ? (string)apache_get_version() : (string)($_SERVER['SERVER_SOFTWARE'] ?? ''),
        t('Database') => $system['database_version'],
        t('Operating system') => php_uname('s') . ' ' . php_uname('r'),
    ],
    'configFile' => client()->configFile(),
]);
