--TEST--
Without generics, an unknown buyer GLN or EAN fails its document (reported, nothing written) and the others are imported
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$text = relais_test_order('CMD-GLN', "LIN;1;3760000000017\nQTY;21;1\n", 1, '3012345900027')
    . substr(relais_test_order('CMD-EAN', "LIN;1;3760000000222\nQTY;21;1\n", 1), 14)
    . substr(relais_test_order('CMD-OK', "LIN;1;3760000000017\nQTY;21;1\n", 1), 14);
$report = $sage->connector()->import($sage->file('orders.pivot', $text));
foreach ($report['documents'] as $d) {
    echo $d['number'], ' ', $d['status'], ' ', $d['piece'], "\n";
    if (isset($d['error'])) echo '  ', substr($d['error'], strpos($d['error'], '): ') + 3), "\n";
}
var_dump($report['imported'], $report['failed']);
echo $sage->sql('SELECT GROUP_CONCAT(DO_Ref) FROM F_DOCENTETE WHERE DO_Type = 1');
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
CMD-GLN failed 
  unknown customer GLN 3012345900027 (PAR BY on line 3): no customer has this EDI code (CT_EdiCode) and no generic customer is configured (generic_customer)
CMD-EAN failed 
  line 11 (LIN 1): unknown item EAN 3760000000222: no item has this AR_CodeBarre or AR_EdiCode and no generic item is configured (generic_item)
CMD-OK imported BC00001
int(1)
int(2)
CMD-OK
