--TEST--
Jobs: logs() returns a job's log lines oldest first, at most $limit; unknown job and bad limits are refused
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('f');
$jobs = $env->client()->jobs();
$id = $jobs->submit('f', [], [], 'web:alice');
$jobs->pause($id, 'web:bob');
$jobs->resume($id, 'web:bob');
foreach ($jobs->logs($id) as $l) {
    echo $l['level'], ' ', $l['message'], "\n";
}
echo count($jobs->logs($id, 1)), " line with limit 1\n";
var_dump(array_keys($jobs->logs($id)[0]));
foreach ([fn () => $jobs->logs(424242), fn () => $jobs->logs($id, 0), fn () => $jobs->logs(-1)] as $call) {
    try {
        $call();
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
info submitted to flow f version 1 with 0 document(s) by web:alice
info paused by web:bob (was queued)
info resumed by web:bob (was paused)
1 line with limit 1
array(4) {
  [0]=>
  string(2) "at"
  [1]=>
  string(5) "level"
  [2]=>
  string(4) "step"
  [3]=>
  string(7) "message"
}
Relais\NotFoundException: no job #424242
ValueError: Relais\Jobs::logs(): Argument #2 ($limit) must be between 1 and 100000
ValueError: Relais\Jobs::logs(): Argument #1 ($id) must be greater than 0
