--TEST--
Listing flows: the current version of each flow by name, with description, enabled flag, trigger, step count and creation time
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$flows = $env->client()->flows();
var_dump($flows->list());

$env->importFlow('zeta', [['activity' => 'noop']], 'Last by name');
$env->importFlow('alpha', [['activity' => 'noop']], 'First version');
$env->importFlow('alpha', [['activity' => 'noop'], ['activity' => 'noop']], 'Second version');
$env->cli('flows', 'disable', 'zeta');
var_dump($flows->list());
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
array(0) {
}
array(2) {
  [0]=>
  array(7) {
    ["name"]=>
    string(5) "alpha"
    ["version"]=>
    int(2)
    ["description"]=>
    string(14) "Second version"
    ["enabled"]=>
    bool(true)
    ["trigger"]=>
    string(6) "manual"
    ["steps"]=>
    int(2)
    ["created_at"]=>
    string(%d) "%d-%d-%d %d:%d:%s"
  }
  [1]=>
  array(7) {
    ["name"]=>
    string(4) "zeta"
    ["version"]=>
    int(1)
    ["description"]=>
    string(12) "Last by name"
    ["enabled"]=>
    bool(false)
    ["trigger"]=>
    string(6) "manual"
    ["steps"]=>
    int(1)
    ["created_at"]=>
    string(%d) "%d-%d-%d %d:%d:%s"
  }
}
