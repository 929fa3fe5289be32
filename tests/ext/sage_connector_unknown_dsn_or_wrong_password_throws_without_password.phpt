--TEST--
An ODBC DSN that does not exist or a wrong password raises Relais\Exception naming the data source and user, never the password
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
try {
    new Relais\Sage\Connector('relais_phpt_no_dsn', 'edi', 'pw-never-shown-1');
} catch (Relais\Exception $e) {
    echo get_class($e), "\n", $e->getMessage(), "\n";
}
$user = substr($sage->db, 0, 32);
relais_test_admin_sql("DROP USER IF EXISTS '$user'@'localhost'; CREATE USER '$user'@'localhost' IDENTIFIED BY 'good-pw';"
    . " GRANT ALL ON `{$sage->db}`.* TO '$user'@'localhost'");
try {
    new Relais\Sage\Connector($sage->dsn, $user, 'pw-never-shown-2');
} catch (Relais\Exception $e) {
    echo get_class($e), "\n";
    echo str_contains($e->getMessage(), "as user '$user'") ? "names the user\n" : $e->getMessage();
    echo str_contains($e->getMessage(), 'SQLSTATE 28000') ? "gives the SQLSTATE\n" : $e->getMessage();
    echo str_contains($e->getMessage(), 'pw-never-shown') ? "PASSWORD LEAKED\n" : "password not shown\n";
}
$ok = new Relais\Sage\Connector($sage->dsn, $user, 'good-pw');
echo get_class($ok), "\n";
relais_test_admin_sql("DROP USER '$user'@'localhost'");
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
Relais\Exception
cannot connect to ODBC data source 'relais_phpt_no_dsn' as user 'edi': [unixODBC][Driver Manager]Data source name not found and no default driver specified (SQLSTATE IM002)
Relais\Exception
names the user
gives the SQLSTATE
password not shown
Relais\Sage\Connector
