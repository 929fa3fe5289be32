--TEST--
A line with a zero quantity or a negative price fails its document, naming the line
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$c = $sage->connector();
$zero = $c->import($sage->file('zero.pivot', relais_test_order('CMD-Z', "LIN;1;3760000000017\nQTY;21;0,000\n", 1)));
$neg = $c->import($sage->file('neg.pivot', relais_test_order('CMD-N', "LIN;1;3760000000017\nQTY;21;1\nPRI;AAA;-2\n", 1)));
foreach ([$zero, $neg] as $r) {
    echo $r['documents'][0]['status'], ': ', substr($r['documents'][0]['error'], strpos($r['documents'][0]['error'], '): ') + 3), "\n";
}
echo $sage->sql('SELECT COUNT(*) FROM F_DOCENTETE WHERE DO_Type = 1');
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
failed: line 5 (LIN 1): quantity 0 (QTY 21): a line must have a quantity above zero
failed: line 5 (LIN 1): negative price -2 (PRI AAA)
0
