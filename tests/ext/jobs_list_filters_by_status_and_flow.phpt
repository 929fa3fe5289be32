--TEST--
Listing jobs: newest first, filtered by status, by flow or both, limited; rows carry the job fields without steps, documents or log
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('alpha');
$env->importFlow('beta');
$jobs = $env->client()->jobs();
$a1 = $jobs->submit('alpha');
$b1 = $jobs->submit('beta');
$a2 = $jobs->submit('alpha');
$b2 = $jobs->submit('beta', [], ['n' => '2']);
$env->cli('cancel', (string)$a2);  // any face may cancel a queued job
$env->cli('cancel', (string)$b1);

function ids(array $rows): string
{
    global $a1, $b1, $a2, $b2;
    $names = [$a1 => 'a1', $b1 => 'b1', $a2 => 'a2', $b2 => 'b2'];
    return implode(' ', array_map(fn ($r) => $names[$r['id']] . ':' . $r['status'], $rows));
}

echo 'all:              ', ids($jobs->list()["rows"]), "\n";
echo 'queued:           ', ids($jobs->list(['status' => 'queued'])["rows"]), "\n";
echo 'cancelled:        ', ids($jobs->list(['status' => 'cancelled'])["rows"]), "\n";
echo 'alpha:            ', ids($jobs->list(['flow' => 'alpha'])["rows"]), "\n";
echo 'beta + queued:    ', ids($jobs->list(['flow' => 'beta', 'status' => 'queued'])["rows"]), "\n";
echo 'null is no filter:', ' ', ids($jobs->list(['flow' => null, 'status' => 'queued'])["rows"]), "\n";
echo 'limit 2:          ', ids($jobs->list([], 2)["rows"]), "\n";
echo 'unknown flow:     ', ids($jobs->list(['flow' => 'gamma'])["rows"]), "\n";
echo 'succeeded:        ', ids($jobs->list(['status' => 'succeeded'])["rows"]), "\n";

$row = $jobs->list(["flow" => "beta", "status" => "queued"])["rows"][0];
echo implode(',', array_keys($row)), "\n";
var_dump($row['params'], $row['submitted_by'] === null);
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
all:              b2:queued a2:cancelled b1:cancelled a1:queued
queued:           b2:queued a1:queued
cancelled:        a2:cancelled b1:cancelled
alpha:            a2:cancelled a1:queued
beta + queued:    b2:queued
null is no filter: b2:queued a1:queued
limit 2:          b2:queued a2:cancelled
unknown flow:     
succeeded:        
id,flow,flow_version,status,priority,attempt,max_attempts,node,error,params,submitted_by,partner,created_at,started_at,finished_at
array(1) {
  ["n"]=>
  string(1) "2"
}
bool(true)
