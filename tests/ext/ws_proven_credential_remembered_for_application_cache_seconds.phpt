--TEST--
Relais\Ws: a partner application's credential proven by this process is remembered for [ws] application_cache_seconds (no database check in between: an application disabled behind its back still passes), never with 0; a change through Directory forgets it at once; a wrong password is never remembered
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$dir = new Relais\Ws\Directory($env->client());
$dir->saveApplication('portail', ['pa'], 'portail-user');
$secret = $dir->newApplicationSecret('portail');
$caller = ['tls' => true, 'username' => 'portail-user', 'password' => $secret];
// Another configuration file on the same database, without a cache.
$env->writeIni("{$env->dir}/nocache.ini", $env->dsn);
file_put_contents("{$env->dir}/nocache.ini", "\n[ws]\napplication_cache_seconds = 0\n", FILE_APPEND);
$cached = new Relais\Ws\PaService($env->client(), $caller);
$uncached = new Relais\Ws\PaService(new Relais\Client("{$env->dir}/nocache.ini"), $caller);
$code = fn (Relais\Ws\PaService $s) => $s->GenererJetonSecuritePA((object)[])['Response']['CodeRetour']['Code'];

echo 'enabled: ', $code($cached), ' ', $code($uncached), "\n";
$env->sql("UPDATE ws_application SET enabled = 0 WHERE name = 'portail'");
echo 'disabled behind its back: ', $code($cached), ' ', $code($uncached), "\n";
$wrong = new Relais\Ws\PaService($env->client(), ['password' => 'x'] + $caller);
echo 'wrong password: ', $code($wrong), "\n";
$dir->saveApplication('portail', ['pa'], 'portail-user', false);
echo 'disabled through Directory: ', $code($cached), ' ', $code($uncached), "\n";
echo (new Relais\Client("{$env->dir}/nocache.ini"))->settings()['ws']['application_cache_seconds'], ' ',
    $env->client()->settings()['ws']['application_cache_seconds'], "\n";
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
enabled: 200 200
disabled behind its back: 200 100
wrong password: 100
disabled through Directory: 100 100
0 5
