--TEST--
A malformed pivot file raises Relais\ValidationException naming the line, field and value, and imports nothing
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$c = $sage->connector();
$cases = [
    'missing.pivot' => relais_test_order('CMD-1', "LIN;1;3760000000017\nQTY;21\n", 1),
    'malformed.pivot' => relais_test_order('CMD-2', "LIN;1;3760000000018\nQTY;21;1\n", 1),
    'nolines.pivot' => relais_test_order('CMD-3', '', 0),
];
foreach ($cases as $name => $text) {
    try {
        $c->import($sage->file($name, $text));
        echo "$name imported!\n";
    } catch (Relais\ValidationException $e) {
        echo str_replace($sage->dir . '/', '', $e->getMessage()), "\n";
    }
}
try {
    $c->import($sage->dir . '/none.pivot');
} catch (Relais\NotFoundException $e) {
    echo get_class($e), "\n";
}
echo $sage->sql('SELECT COUNT(*) FROM F_DOCENTETE WHERE DO_Type = 1');
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
missing.pivot line 6: QTY value (field 3) is missing
malformed.pivot line 5: LIN gtin (field 3) '3760000000018' is not a valid GTIN/EAN: the check digit should be 7
nolines.pivot line 5: the document ORDERS CMD-3 (line 2) has no line (LIN)
Relais\NotFoundException
0
