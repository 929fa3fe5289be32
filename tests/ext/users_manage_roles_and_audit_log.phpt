--TEST--
Users: create with a role, duplicates and bad roles refused, change role and password, disable (no login), list and get; the audit log records who did what and pages newest first
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$users = $env->client()->users();

$u = $users->create('alice', 'first-password', 'operator');
echo $u['login'], ' ', $u['role'], ' ', var_export($u['enabled'], true), "\n";
echo $users->create('bob', 'bob-password')['role'], "\n";
echo json_encode($users->authenticate('alice', 'first-password')), "\n";
$users->setRole('alice', 'admin');
$users->setPassword('alice', 'second-password');
var_dump($users->authenticate('alice', 'first-password'));
echo json_encode($users->authenticate('alice', 'second-password')), "\n";
$users->enable('alice', false);
var_dump($users->authenticate('alice', 'second-password'), $users->get('alice')['enabled']);
$users->enable('alice');
echo implode(',', array_column($users->list(), 'login')), "\n";
// The hash is PHP's own format.
var_dump(password_verify('second-password', trim($env->sql("SELECT password_hash FROM app_user WHERE login = 'alice'"))));

foreach ([fn () => $users->create('alice', 'another-password'), fn () => $users->create('carol', 'carol-password', 'root'),
          fn () => $users->setRole('nobody', 'viewer'), fn () => $users->get('nobody'), fn () => $users->create('', 'x-password'),
          fn () => $users->create('dave', 'short')] as $call) {
    try {
        $call();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$users->audit('alice', 'login', '', null, '127.0.0.1');
$users->audit('alice', 'job.retry', 'job #12');
$users->audit('bob', 'job.cancel', 'job #13', 'by mistake');
$users->audit('alice', 'flow.save', 'flow orders version 3');
$show = fn (array $page) => implode(' | ', array_map(fn ($e) => "{$e['login']} {$e['action']} {$e['target']}", $page['rows']));
echo $show($users->auditLog()), "\n";
echo $show($users->auditLog(['action' => 'job.'])), "\n";
echo $show($users->auditLog(['login' => 'bob'])), "\n";
$p1 = $users->auditLog([], 3);
$p2 = $users->auditLog([], 3, $p1['next']);
echo $show($p1), ' / ', $show($p2), ' / next ', var_export($p2['next'], true), "\n";
echo $users->auditLog(['login' => 'bob'])['rows'][0]['details'], "\n";
try {
    $users->auditLog(['who' => 'bob']);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
alice operator true
viewer
{"login":"alice","role":"operator","language":"fr"}
NULL
{"login":"alice","role":"admin","language":"fr"}
NULL
bool(false)
alice,bob
bool(true)
Relais\ConflictException: user 'alice' already exists
Relais\ValidationException: role 'root' is not one of admin, operator, viewer
Relais\NotFoundException: unknown user 'nobody'
Relais\NotFoundException: unknown user 'nobody'
ValueError: Relais\Users::create(): Argument #1 ($login) must be a non-empty string without null bytes
Relais\ValidationException: %s
alice flow.save flow orders version 3 | bob job.cancel job #13 | alice job.retry job #12 | alice login 
bob job.cancel job #13 | alice job.retry job #12
bob job.cancel job #13
alice flow.save flow orders version 3 | bob job.cancel job #13 | alice job.retry job #12 / alice login  / next NULL
by mistake
Relais\Users::auditLog(): Argument #1 ($filter) has an unknown key "who" (known keys: "login", "action", "from", "to")
