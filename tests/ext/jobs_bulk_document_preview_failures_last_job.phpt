--TEST--
Jobs: retryMany()/cancelMany() act on each job and list the refused ones; document() gives a document's job; preview() shows EDIFACT one segment per line and text as lines; failuresByFlow() and lastJobByFlow() for the dashboard and flow list
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('a');
$env->importFlow('b');
$jobs = $env->client()->jobs();

$f1 = $jobs->submit('a');
$f2 = $jobs->submit('b');
$q = $jobs->submit('b');
$env->sql("UPDATE job SET status = 'failed' WHERE id IN ($f1, $f2)");
$out = $jobs->retryMany([$f1, $q, $f2], 'web:ops');
echo json_encode($out['done'] === [$f1, $f2]), ' ', count($out['refused']), ' refused: ', isset($out['refused'][$q]) ? 'the queued one' : '?', "\n";
$out = $jobs->cancelMany([$f1, $f2, $q]);
echo count($out['done']), " cancelled\n";
foreach ([fn () => $jobs->cancelMany(['1']), fn () => $jobs->retryMany([0]), fn () => $jobs->retryMany(range(1, 10001))] as $call) {
    try {
        $call();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$edi = "UNB+UNOC:3+5412345000013:14+3012345000010:14+240501:1200+42'UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+PO-1'UNT+3+1'UNZ+1+42'";
$id = $jobs->submit('a', [['name' => 'order.edi', 'content' => $edi], ['name' => 'note.txt', 'content' => "one\r\ntwo <b>\n"],
                         ['name' => 'bin', 'content' => "\x00\x01PK"]]);
$docs = $jobs->documents($id);
$doc = $jobs->document($docs[0]['id']);
echo $doc['name'], ' of job ', $doc['job_id'] === $id ? 'ok' : 'wrong', "\n";
$p = $jobs->preview($docs[0]['id']);
echo $p['kind'], ' ', count($p['lines']), ' lines, first ', $p['lines'][0], ', truncated ', var_export($p['truncated'], true), "\n";
echo json_encode($jobs->preview($docs[1]['id'])), "\n";
echo json_encode($jobs->preview($docs[0]['id'], 10)['truncated']), ' ', $jobs->preview($docs[2]['id'])['kind'], "\n";
foreach ([fn () => $jobs->preview(987654), fn () => $jobs->preview($docs[0]['id'], 0), fn () => $jobs->document(987654)] as $call) {
    try {
        $call();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$env->sql("UPDATE job SET status = 'failed' WHERE id IN ($f2, $q)");
echo json_encode($jobs->failuresByFlow()), "\n";
echo json_encode($jobs->failuresByFlow(24, 1)), "\n";
$last = $jobs->lastJobByFlow();
echo implode(',', array_keys($last)), ' ', $last['a']['id'] === $id ? 'newest' : 'wrong', ' ', $last['b']['status'], "\n";
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
true 1 refused: the queued one
3 cancelled
TypeError: Relais\Jobs::cancelMany(): Argument #1 ($ids) must hold only int job ids, string given
ValueError: Relais\Jobs::retryMany(): Argument #1 ($ids) must hold job ids greater than 0
ValueError: Relais\Jobs::retryMany(): Argument #1 ($ids) must hold at most 10000 job ids
order.edi of job ok
edifact 5 lines, first UNB+UNOC:3+5412345000013:14+3012345000010:14+240501:1200+42', truncated false
{"kind":"text","encoding":"UTF-8","lines":["one","two <b>"],"truncated":false}
true binary
Relais\NotFoundException: no document #987654
ValueError: Relais\Jobs::preview(): Argument #2 ($maxBytes) must be between 1 and 1048576
Relais\NotFoundException: no document #987654
[{"flow":"b","failed":2,"total":2}]
[{"flow":"b","failed":2,"total":2}]
a,b newest failed
