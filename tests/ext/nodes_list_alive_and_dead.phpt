--TEST--
Nodes::list: every engine node by name, alive while its heartbeat is younger than the lease, dead otherwise or once stopped; none at first
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$nodes = $env->client()->nodes();
var_dump($nodes->list());
$env->sql("INSERT INTO node (name, host, pid, version, workers, status, heartbeat_at) VALUES
    ('relais-1', 'host-a', 100, '0.1.0', 4, 'running', NOW(3)),
    ('relais-2', 'host-b', 200, '0.1.0', 2, 'running', NOW(3) - INTERVAL 10 MINUTE),
    ('relais-3', 'host-c', 300, '0.1.0', 2, 'stopped', NOW(3))");
foreach ($nodes->list() as $n) {
    echo $n['name'], ' ', $n['alive'] ? 'alive' : 'dead', ' ', $n['host'], ' ', $n['workers'], ' workers, ', $n['running_jobs'], " running\n";
}
var_dump(array_keys($nodes->list()[0]));
try {
    new Relais\Nodes();
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
array(0) {
}
relais-1 alive host-a 4 workers, 0 running
relais-2 dead host-b 2 workers, 0 running
relais-3 dead host-c 2 workers, 0 running
array(10) {
  [0]=>
  string(4) "name"
  [1]=>
  string(4) "host"
  [2]=>
  string(3) "pid"
  [3]=>
  string(7) "version"
  [4]=>
  string(7) "workers"
  [5]=>
  string(6) "status"
  [6]=>
  string(5) "alive"
  [7]=>
  string(12) "running_jobs"
  [8]=>
  string(10) "started_at"
  [9]=>
  string(12) "heartbeat_at"
}
Cannot directly construct Relais\Nodes, use Relais\Client::nodes()
