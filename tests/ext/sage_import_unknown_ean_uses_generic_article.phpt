--TEST--
An unknown EAN is imported as the configured generic item, with a warning naming the EAN and the line
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$file = $sage->file('order.pivot', relais_test_order('CMD-PHP-3', "LIN;1;3760000000222;;;Fromage blanc 1 kg\nQTY;21;2\nPRI;AAA;3.20\n", 1));
$report = $sage->connector(['generic_item' => 'ARTGENERIQUE'])->import($file);
var_dump($report['documents'][0]['status']);
echo $report['warnings'][0], "\n";
echo $sage->sql("SELECT AR_Ref, DL_Design, DL_PrixUnitaire FROM F_DOCLIGNE WHERE DO_Piece = 'BC00001'");
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
string(8) "imported"
%s/order.pivot line 2 (ORDERS CMD-PHP-3): line 5 (LIN 1): unknown item EAN 3760000000222 (no item has this AR_CodeBarre or AR_EdiCode): imported as the generic item ARTGENERIQUE
ARTGENERIQUE	Fromage blanc 1 kg	3.200000
