--TEST--
Users: five wrong passwords lock the user (ConflictException, even with the right password) until unlock(); a bound client certificate logs its user in; language fr/en; roles() and permissions(); auditLog() by period
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$users = $env->client()->users();
$users->create('alice', 'right-password', 'operator');

for ($i = 1; $i <= 5; $i++) {
    try {
        echo $i, ': ', json_encode($users->authenticate('alice', 'wrong-password')), "\n";
    } catch (Relais\ConflictException $e) {
        echo get_class($e), ': ', preg_replace('/until \S+ \S+ UTC/', 'until T UTC', $e->getMessage()), "\n";
    }
}
try {
    $users->authenticate('alice', 'right-password');
    echo "let in!\n";
} catch (Relais\ConflictException $e) {
    echo "locked, even with the right password\n";
}
$u = $users->get('alice');
var_dump($u['locked_until'] !== null, $u['failed_logins']);
$users->unlock('alice');
echo json_encode($users->authenticate('alice', 'right-password')), "\n";
var_dump($users->get('alice')['locked_until']);

$subject = 'CN=ALICE MARTIN,OU=10B0000001,O=CH Exemple,C=FR';
$users->bindCertificate('alice', $subject, '0a:bc:01');
echo $users->get('alice')['cert_serial'], "\n";
echo json_encode($users->authenticateCertificate($subject, 'ABC01')), "\n";
var_dump($users->authenticateCertificate($subject, 'ABC02'), $users->authenticateCertificate('CN=OTHER', 'ABC01'));
$users->create('bob', 'bob-password');
try {
    $users->bindCertificate('bob', $subject, 'abc01');
} catch (Relais\ConflictException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $users->bindCertificate('bob', '', 'xyz');
} catch (Relais\ValidationException $e) {
    echo json_encode(array_column($e->getErrors(), 'field')), "\n";
}
$users->bindCertificate('alice', '', '');
var_dump($users->get('alice')['cert_serial']);

$users->setLanguage('alice', 'en');
echo $users->get('alice')['language'], ' ', $users->authenticate('alice', 'right-password')['language'], "\n";
try {
    $users->setLanguage('alice', 'de');
} catch (Relais\ValidationException $e) {
    echo $e->getMessage(), "\n";
}

echo implode(',', $users->roles()), "\n";
echo implode(',', $users->permissions('operator')), "\n";
echo implode(',', $users->permissions('viewer')), "\n";
var_dump($users->permissions('root'));

$env->sql("INSERT INTO audit_log (at, login, action, target) VALUES ('2024-03-14 23:59:59', 'a', 'x', 'before'), ('2024-03-15 12:00:00', 'a', 'x', 'in'), ('2024-03-16 00:00:00', 'a', 'x', 'after')");
echo implode(',', array_column($users->auditLog(['from' => '2024-03-15', 'to' => '2024-03-15'])['rows'], 'target')), "\n";
try {
    $users->auditLog(['from' => 'yesterday']);
} catch (Relais\ValidationException $e) {
    echo $e->getMessage(), "\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
1: null
2: null
3: null
4: null
5: Relais\ConflictException: user 'alice' is locked after repeated failed logins until T UTC; try again later or ask an administrator to unlock it
locked, even with the right password
bool(true)
int(0)
{"login":"alice","role":"operator","language":"fr"}
NULL
ABC01
{"login":"alice","role":"operator","language":"fr"}
NULL
NULL
Relais\ConflictException: the certificate ABC01 is already bound to user 'alice'
["subject","serial"]
NULL
en en
language 'de' is not one of fr, en
admin,operator,viewer
view,job.run,job.control,partner.edit
view
array(0) {
}
in
from 'yesterday' is not a date: expected YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS (UTC)
