--TEST--
Client: settings() shows every setting with defaults and the database password masked; system() reports versions, InnoDB, sql_mode and free disk against the minimums; storeUsage() the store's file system
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
// A database account with a password, for the masking.
$password = 'S3cret-' . bin2hex(random_bytes(4));
$account = 'phpt_settings';
foreach (['localhost', '%'] as $host) {
    relais_test_admin_sql("CREATE OR REPLACE USER '$account'@'$host' IDENTIFIED BY '$password'; GRANT ALL ON `{$env->db}`.* TO '$account'@'$host'");
}
$ini = $env->dir . '/with-password.ini';
$env->writeIni($ini, preg_replace('~^mariadb://[^@]*@~', "mariadb://$account:$password@", $env->dsn));
$client = new Relais\Client($ini);
$settings = $client->settings();
echo implode(',', array_keys($settings)), "\n";
var_dump(str_contains($settings['database']['dsn'], "$account:***@"), !str_contains(json_encode($settings), $password));
echo $settings['web']['session_idle_minutes'], ' ', $settings['web']['login_max_failures'], ' ', $settings['web']['login_lockout_minutes'], "\n";

@mkdir($settings['store']['path'], 0700, true);
$sys = $client->system(__DIR__);
echo $sys['version'] === $client->version() ? 'version ok' : 'version wrong', ', ', str_contains($sys['database_version'], 'MariaDB') ? 'MariaDB' : $sys['database_version'], "\n";
foreach ($sys['checks'] as $c) {
    echo preg_replace('/\(.*\)/', '(...)', $c['name']), ': ', $c['name'] === 'InnoDB' ? $c['level'] : (in_array($c['level'], ['ok', 'warn', 'fail'], true) ? 'level' : '?'), "\n";
}
echo $sys['disk']['store']['path'] === $settings['store']['path'] ? 'store path' : 'wrong path', ' ', $sys['disk']['software']['path'], "\n";
$u = $client->storeUsage();
var_dump($u['total_bytes'] > 0, $u['free_bytes'] <= $u['total_bytes'], $u['used_bytes'] <= $u['total_bytes']);
foreach (['localhost', '%'] as $host) {
    relais_test_admin_sql("DROP USER IF EXISTS '$account'@'$host'");
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
database,engine,log,store,transfer,web,ws
bool(true)
bool(true)
30 5 15
version ok, MariaDB
InnoDB: ok
sql_mode (...): level
character_set_server: level
free disk (...): level
free disk (...): level
store path %s/tests/ext
bool(true)
bool(true)
bool(true)
