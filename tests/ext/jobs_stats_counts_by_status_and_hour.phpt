--TEST--
Jobs::stats: jobs in flight by status, ended jobs of the window, and jobs per hour; an empty queue gives zeros; hours out of range are refused
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('f');
$jobs = $env->client()->jobs();
$empty = $jobs->stats();
echo json_encode($empty['by_status']), ' ', count($empty['per_hour']), "\n";

$a = $jobs->submit('f');
$b = $jobs->submit('f');
$c = $jobs->submit('f');
$jobs->cancel($c);
$jobs->pause($b);
// One job from three hours ago, failed.
$d = $jobs->submit('f');
$env->sql("UPDATE job SET status = 'failed', created_at = NOW() - INTERVAL 3 HOUR WHERE id = $d");
$st = $jobs->stats(24);
echo json_encode($st['by_status']), "\n";
echo count($st['per_hour']), ' hours; totals ', implode(',', array_column($st['per_hour'], 'total')), "\n";
echo json_encode($st['per_hour'][0]['by_status']), "\n";
var_dump((bool)preg_match('/^\d{4}-\d\d-\d\d \d\d:00:00$/', $st['per_hour'][0]['hour']));
echo json_encode($jobs->stats(1)['by_status']['failed']), " failed in the last hour\n";
try {
    $jobs->stats(0);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
{"queued":0,"running":0,"retry_wait":0,"paused":0,"succeeded":0,"failed":0,"cancelled":0} 0
{"queued":1,"running":0,"retry_wait":0,"paused":1,"succeeded":0,"failed":1,"cancelled":1}
2 hours; totals 1,3
{"failed":1}
bool(true)
0 failed in the last hour
Relais\Jobs::stats(): Argument #1 ($hours) must be between 1 and 744
