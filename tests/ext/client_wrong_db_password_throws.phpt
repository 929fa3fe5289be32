--TEST--
A wrong database password: Relais\Exception naming the database and the user, without the password
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$user = substr($env->db, 0, 40);
relais_test_admin_sql("DROP USER IF EXISTS '$user'@'%'; DROP USER IF EXISTS '$user'@'localhost';"
    . " CREATE USER '$user'@'%' IDENTIFIED BY 'right-pw'; CREATE USER '$user'@'localhost' IDENTIFIED BY 'right-pw';"
    . " GRANT ALL ON `{$env->db}`.* TO '$user'@'%'; GRANT ALL ON `{$env->db}`.* TO '$user'@'localhost'");

$a = relais_test_admin();
$rest = substr($a['prefix'], strpos($a['prefix'], '@'));  // @HOST[:PORT]
$ini = $env->dir . '/wrong.ini';
$env->writeIni($ini, "mariadb://$user:wrong-pw-x9@" . substr($rest, 1) . '/' . $env->db . $a['query']);
try {
    new Relais\Client($ini);
    echo "connected with a wrong password!\n";
} catch (Relais\Exception $e) {
    echo get_class($e), "\n";
    echo str_contains($e->getMessage(), $env->db) ? "names the database\n" : $e->getMessage() . "\n";
    echo str_contains($e->getMessage(), "'$user'") ? "names the user\n" : $e->getMessage() . "\n";
    echo str_contains($e->getMessage(), 'Access denied') ? "says access denied\n" : $e->getMessage() . "\n";
    echo str_contains($e->getMessage(), 'wrong-pw-x9') ? "PASSWORD LEAKED\n" : "password not shown\n";
}

// The right password works (so the failure above was the password).
$good = $env->dir . '/good.ini';
$env->writeIni($good, "mariadb://$user:right-pw@" . substr($rest, 1) . '/' . $env->db . $a['query']);
$c = new Relais\Client($good);
var_dump($c->configFile() === $good);
var_dump($c->flows()->list());
relais_test_admin_sql("DROP USER '$user'@'%'; DROP USER '$user'@'localhost'");
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
Relais\Exception
names the database
names the user
says access denied
password not shown
bool(true)
array(0) {
}
