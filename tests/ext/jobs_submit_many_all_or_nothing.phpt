--TEST--
Jobs::submitMany submits many jobs in one transaction and returns their ids in order; a bad submission is a TypeError/ValueError or a Relais exception naming it ([i]), and no job is written
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('orders');
$env->importFlow('invoices');
$a = $env->file('a.txt', "alpha\n");
$jobs = $env->client()->jobs();

// Nothing to do.
var_dump($jobs->submitMany([]));

$cases = [
    fn () => $jobs->submitMany(['x' => ['flow' => 'orders']]),
    fn () => $jobs->submitMany([['flow' => 'orders'], 'orders']),
    fn () => $jobs->submitMany([['files' => [$a]]]),
    fn () => $jobs->submitMany([['flow' => '']]),
    fn () => $jobs->submitMany([['flow' => 42]]),
    fn () => $jobs->submitMany([['flow' => 'orders', 'priority' => 1]]),
    fn () => $jobs->submitMany([['flow' => 'orders', 'files' => 'a.txt']]),
    fn () => $jobs->submitMany([['flow' => 'orders'], ['flow' => 'orders', 'files' => [42]]]),
    fn () => $jobs->submitMany([['flow' => 'orders', 'params' => ['n' => 1]]]),
    fn () => $jobs->submitMany([['flow' => 'orders', 'files' => [['name' => 'x']]]]),
    fn () => $jobs->submitMany(array_fill(0, 10001, ['flow' => 'orders'])),
    fn () => $jobs->submitMany([['flow' => 'orders', 'files' => [$a]], ['flow' => 'orders'], ['flow' => 'nope']]),
    fn () => $jobs->submitMany([['flow' => 'orders'], ['flow' => 'orders', 'files' => ['../x' => $a]]]),
    fn () => $jobs->submitMany([['flow' => 'orders', 'files' => [$a]], ['flow' => 'orders', 'files' => ['/nonexistent/b.txt']]]),
];
foreach ($cases as $case) {
    try {
        $case();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
echo 'jobs after the refusals: ', count($jobs->list()['rows']), "\n";
// Nothing of a refused batch stays in the store, not even a temporary file.
echo 'stored files after the refusals: ', count($env->storedFiles()), ', temporary: ',
    count(glob($env->store . '/tmp/*') ?: []), "\n";

// 1,200 submissions: two flows, files by path and uploads, parameters.
$subs = [];
for ($i = 0; $i < 1200; $i++) {
    $s = ['flow' => $i % 2 ? 'orders' : 'invoices', 'params' => ['i' => (string)$i]];
    if ($i % 3 == 0) $s['files'] = ['a.txt' => $a, ['name' => "up-$i.txt", 'content' => "upload $i"]];
    $subs[] = $s;
}
$ids = $jobs->submitMany($subs, 'php:test');
$sorted = $ids;
sort($sorted);
echo count($ids), ' ids, distinct and increasing: ', json_encode(count(array_unique($ids)) === 1200 && $sorted === $ids), "\n";
foreach ([0, 1, 599, 1199] as $i) {
    $job = $jobs->get($ids[$i]);
    echo "[$i] ", $job['flow'], ' i=', $job['params']['i'], ' ', $job['status'], ' by ', $job['submitted_by'], ' docs: ',
        implode(',', array_column($job['documents'], 'name')), "\n";
}
$up = $jobs->documents($ids[0])[1];
echo stream_get_contents($jobs->readDocument($up['id'])), "\n";
echo 'jobs: ', trim($env->sql('SELECT COUNT(*) FROM job')), ', log lines: ', trim($env->sql('SELECT COUNT(*) FROM job_log')), "\n";
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
array(0) {
}
ValueError: Relais\Jobs::submitMany(): Argument #1 ($submissions) must be a list (keys 0, 1, 2...)
TypeError: Relais\Jobs::submitMany(): Argument #1 ($submissions) [1] must be of type array, string given
ValueError: Relais\Jobs::submitMany(): Argument #1 ($submissions) [0] must have a 'flow'
ValueError: Relais\Jobs::submitMany(): Argument #1 ($submissions) [0]['flow'] must not be empty
TypeError: Relais\Jobs::submitMany(): Argument #1 ($submissions) [0]['flow'] must be of type string, int given
ValueError: Relais\Jobs::submitMany(): Argument #1 ($submissions) [0] has an unknown key "priority" (known keys: "flow", "files", "params")
TypeError: Relais\Jobs::submitMany(): Argument #1 ($submissions) [0]['files'] must be of type array, string given
TypeError: Relais\Jobs::submitMany(): Argument #1 ($submissions) [1]['files'] must contain file paths (strings) or uploads (arrays), int given for key 0
TypeError: Relais\Jobs::submitMany(): Argument #1 ($submissions) [0]['params'] value of "n" must be of type string, int given
ValueError: Relais\Jobs::submitMany(): Argument #1 ($submissions) [0]['files'] upload 0 must be ['name' => string, 'content' => string]
ValueError: Relais\Jobs::submitMany(): Argument #1 ($submissions) must hold at most 10000 submissions, 10001 given
Relais\NotFoundException: job [2]: unknown flow 'nope'
Relais\ValidationException: job [1]: document name '../x' is not a plain file name
Relais\NotFoundException: job [1]: input file /nonexistent/b.txt: cannot read /nonexistent/b.txt: No such file or directory
jobs after the refusals: 0
stored files after the refusals: 0, temporary: 0
1200 ids, distinct and increasing: true
[0] invoices i=0 queued by php:test docs: a.txt,up-0.txt
[1] orders i=1 queued by php:test docs: 
[599] orders i=599 queued by php:test docs: 
[1199] orders i=1199 queued by php:test docs: 
upload 0
jobs: 1200, log lines: 1200
