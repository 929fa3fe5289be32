--TEST--
Client: ping() and version(); every Client on one file shares the process's one connection, which comes back by itself after the server closed it
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('f');

function connections(): string {
    ob_start();
    phpinfo(INFO_MODULES);
    preg_match('/Database connections => (.*)/', ob_get_clean(), $m);
    return $m[1] ?? '?';
}
function serverSessions(RelaisTestEnv $env): array {
    return array_filter(explode("\n", trim($env->sql(
        "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '{$env->db}' AND ID <> CONNECTION_ID()"))));
}

echo connections(), "\n";
$a = $env->client();
$b = $env->client();
var_dump($a->ping(), $a->version() === phpversion('relais'));
echo connections(), "\n";
echo count(serverSessions($env)), " session(s) on the server\n";

// The server closes the connection (a restart, wait_timeout): the next call works.
foreach (serverSessions($env) as $id) {
    $env->sql("KILL $id");
}
var_dump($b->jobs()->submit('f') > 0);
var_dump($a->ping());
echo count($a->jobs()->list()['rows']), " job(s)\n";

// A Client on another file is another connection.
$env->writeIni("{$env->dir}/other.ini", $env->dsn);
$c = new Relais\Client("{$env->dir}/other.ini");
echo connections(), "\n";
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
0 open in this process
bool(true)
bool(true)
1 open in this process
1 session(s) on the server
bool(true)
bool(true)
1 job(s)
2 open in this process
