--TEST--
Relais\Sage\Connector::export() writes each invoice not exported yet as a pivot file, once
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$out = $sage->dir . '/out';
mkdir($out);
$c = $sage->connector(['own_gln' => '3012345000000', 'own_name' => 'LAITERIE DES ALPES']);
$r = $c->export(['out' => $out, 'type' => 'invoice']);
var_dump($r['exported']);
foreach ($r['documents'] as $d) echo $d['piece'], ' ', $d['message'], ' ', $d['third_party'], ' ', $d['total_excl_tax'], ' ', basename($d['file']), "\n";
echo implode("\n", array_slice(file($r['files'][0], FILE_IGNORE_NEW_LINES), 0, 6)), "\n";
$again = $c->export(['out' => $out, 'type' => 'invoice']);
var_dump($again['exported'], $again['files']);
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
int(2)
FA00001 INVOIC C0001 40.50 INVOIC_FA00001.pivot
FA00002 INVOIC C0002 87.00 INVOIC_FA00002.pivot
PIVOT;1;UTF-8
DOC;INVOIC;FA00001;2024-03-05;380;9;EUR
DAT;35;2024-03-05
REF;ON;CMD-HC-0001
REF;DQ;BL00001
PAR;SU;3012345000000;LAITERIE DES ALPES
int(0)
array(0) {
}
