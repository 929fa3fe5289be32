--TEST--
A submitted job reads back queued, with its flow, parameters, submitter, input document (size, SHA-256) and submit log line
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('orders-in', [['activity' => 'noop']], 'Orders from partners');
$path = $env->file('order-1.edi', "UNA:+.? 'UNB+UNOC:3'\n");

$jobs = $env->client()->jobs();
$id = $jobs->submit('orders-in', [$path], ['partner' => 'ACME', 'mode' => 'test'], 'web:alice');
var_dump(is_int($id) && $id > 0);

$job = $jobs->get($id);
var_dump($job['id'] === $id);
unset($job['id']);
var_dump($job);
var_dump($job['documents'][0]['sha256'] === hash_file('sha256', $path));
var_dump(count($env->storedFiles()));

// Without a submitter the job has none; without files, no document.
$id2 = $jobs->submit('orders-in');
$job2 = $jobs->get($id2);
var_dump($job2['submitted_by'], $job2['documents'], $job2['params']);
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
bool(true)
bool(true)
array(20) {
  ["flow"]=>
  string(9) "orders-in"
  ["flow_version"]=>
  int(1)
  ["status"]=>
  string(6) "queued"
  ["priority"]=>
  int(0)
  ["attempt"]=>
  int(0)
  ["max_attempts"]=>
  int(1)
  ["node"]=>
  NULL
  ["error"]=>
  NULL
  ["params"]=>
  array(2) {
    ["mode"]=>
    string(4) "test"
    ["partner"]=>
    string(4) "ACME"
  }
  ["submitted_by"]=>
  string(9) "web:alice"
  ["partner"]=>
  string(4) "ACME"
  ["created_at"]=>
  string(%d) "%d-%d-%d %d:%d:%s"
  ["started_at"]=>
  NULL
  ["finished_at"]=>
  NULL
  ["actions"]=>
  array(2) {
    [0]=>
    string(5) "pause"
    [1]=>
    string(6) "cancel"
  }
  ["steps"]=>
  array(0) {
  }
  ["documents"]=>
  array(1) {
    [0]=>
    array(7) {
      ["id"]=>
      int(%d)
      ["job_id"]=>
      int(%d)
      ["name"]=>
      string(11) "order-1.edi"
      ["size"]=>
      int(21)
      ["sha256"]=>
      string(64) "%x"
      ["direction"]=>
      string(2) "in"
      ["step"]=>
      NULL
    }
  }
  ["log"]=>
  array(1) {
    [0]=>
    array(4) {
      ["at"]=>
      string(%d) "%d-%d-%d %d:%d:%s"
      ["level"]=>
      string(4) "info"
      ["step"]=>
      NULL
      ["message"]=>
      string(%d) "submitted to flow orders-in version 1 with 1 document(s) by web:alice"
    }
  }
  ["log_total"]=>
  int(1)
  ["log_next"]=>
  NULL
}
bool(true)
int(1)
NULL
array(0) {
}
array(0) {
}
