--TEST--
Importing the same order twice writes nothing the second time and reports the existing piece
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$file = $sage->file('order.pivot', relais_test_order('CMD-PHP-2', "LIN;1;3760000000017\nQTY;21;6\n", 1));
$c = $sage->connector();
$first = $c->import($file);
$count = $sage->sql('SELECT COUNT(*) FROM F_DOCENTETE') . $sage->sql('SELECT COUNT(*) FROM F_DOCLIGNE');
$second = $c->import($file);
var_dump($first['documents'][0]['status'], $second['documents'][0]['status']);
var_dump($first['documents'][0]['piece'] === $second['documents'][0]['piece']);
var_dump($second['imported'], $second['existing']);
var_dump($count === $sage->sql('SELECT COUNT(*) FROM F_DOCENTETE') . $sage->sql('SELECT COUNT(*) FROM F_DOCLIGNE'));
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
string(8) "imported"
string(8) "existing"
bool(true)
int(0)
int(1)
bool(true)
