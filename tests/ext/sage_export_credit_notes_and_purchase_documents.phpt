--TEST--
Relais\Sage\Connector::export() writes credit notes as INVOIC 381 and, with 'domain' => 'purchases', the suppliers' documents
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$out = $sage->dir . '/out';
mkdir($out);
$c = $sage->connector(['own_gln' => '3012345000000', 'own_name' => 'LAITERIE DES ALPES']);
$r = $c->export(['out' => $out, 'type' => 'credit_note']);
foreach ($r['documents'] as $d) echo $d['piece'], ' ', $d['domain'], ' ', $d['kind'], ' ', $d['message'], ' ', $d['name_code'], ' ', $d['total_excl_tax'], "\n";
echo file($r['files'][0], FILE_IGNORE_NEW_LINES)[1], "\n";
$p = $c->export(['out' => $out, 'domain' => 'purchases', 'type' => 'order,delivery,invoice,credit_note', 'one_file' => true]);
foreach ($p['documents'] as $d) echo $d['piece'], ' ', $d['domain'], ' ', $d['kind'], ' ', $d['message'], ' ', $d['name_code'], ' ', $d['third_party'], "\n";
echo basename($p['files'][0]) === basename($p['documents'][0]['file']) && str_starts_with(basename($p['files'][0]), 'PIVOT_') ? "one file PIVOT_*.pivot\n" : "files: " . implode(', ', $p['files']) . "\n";
try {
    $c->export(['out' => $out, 'type' => 'avoir']);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
AV00001 sales credit_note INVOIC 381 3.90
FA00003 sales credit_note INVOIC 381 14.50
DOC;INVOIC;AV00001;2024-03-08;381;9;EUR
CF00001 purchases order ORDERS 220 F0002
LF00001 purchases delivery DESADV 351 F0002
FF00001 purchases invoice INVOIC 380 F0002
AF00001 purchases credit_note INVOIC 381 F0002
one file PIVOT_*.pivot
Relais\Sage\Connector::export(): Argument #1 ($criteria) type 'avoir' is not one of "invoice", "credit_note", "delivery", "order" (or several separated by commas)
