--TEST--
Jobs: logPage() pages a job's log newest first, at one level or all, with the total; get() holds the newest 1,000 lines with log_total and log_next, get($id, false) none; bad level, limit and cursor are refused
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
// 1,200 more lines, every tenth a warning (data only: the API writes no log line by itself).
$env->sql("INSERT INTO job_log (job_id, level, message) SELECT $id, IF(seq % 10 = 0, 'warn', 'info'), CONCAT('line ', seq) FROM seq_1_to_1200");

$page = $jobs->logPage($id, null, 2);
echo implode(', ', array_keys($page)), "\n";
echo $page['total'], ' lines; newest page: ', implode(' | ', array_column($page['rows'], 'message')), "\n";
$older = $jobs->logPage($id, null, 2, $page['next']);
echo 'older page: ', implode(' | ', array_column($older['rows'], 'message')), "\n";

$seen = [];
$cursor = null;
do {
    $warn = $jobs->logPage($id, 'warn', 50, $cursor);
    $seen = array_merge(array_column($warn['rows'], 'message'), $seen);
    $levels = array_unique(array_column($warn['rows'], 'level'));
    if ($levels !== ['warn']) echo 'unexpected levels: ', implode(',', $levels), "\n";
    $cursor = $warn['next'];
} while ($cursor !== null);
echo $warn['total'], ' warnings, ', count($seen), ' seen, first ', $seen[0], ', last ', end($seen), "\n";
var_dump($jobs->logPage($id, 'error'));

$job = $jobs->get($id);
echo count($job['log']), ' of ', $job['log_total'], ' lines in get(), from ', $job['log'][0]['message'], ' to ', end($job['log'])['message'], "\n";
$bare = $jobs->get($id, false);
echo 'get(id, false): ', $bare['status'], ', log keys: ', implode(',', array_intersect(['log', 'log_total', 'log_next'], array_keys($bare))), "\n";
$rest = $jobs->logPage($id, null, 1000, $job['log_next']);
echo count($rest['rows']), ' older, from ', $rest['rows'][0]['message'], '; next ', var_export($rest['next'], true), "\n";

foreach ([fn () => $jobs->logPage($id, 'fatal'), fn () => $jobs->logPage($id, null, 0),
          fn () => $jobs->logPage($id, null, 10, 'abc'), fn () => $jobs->logPage(424242)] as $call) {
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
rows, next, total
1203 lines; newest page: line 1199 | line 1200
older page: line 1197 | line 1198
120 warnings, 120 seen, first line 10, last line 1200
array(3) {
  ["rows"]=>
  array(0) {
  }
  ["next"]=>
  NULL
  ["total"]=>
  int(0)
}
1000 of 1203 lines in get(), from line 201 to line 1200
get(id, false): queued, log keys: 
203 older, from submitted to flow f version 1 with 0 document(s) by web:alice; next NULL
Relais\ValidationException: log level "fatal" must be debug, info, warn or error
ValueError: Relais\Jobs::logPage(): Argument #3 ($limit) must be between 1 and 100000
ValueError: Relais\Jobs::logPage(): Argument #4 ($cursor) must be null or the "next" value of an earlier page
Relais\NotFoundException: no job #424242
