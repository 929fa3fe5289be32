--TEST--
Relais\Sage\Connector::import() writes an order into Sage and returns the report with its piece
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$file = $sage->file('order.pivot', relais_test_order('CMD-PHP-1',
    "LIN;1;3760000000017\nQTY;21;24;PCE\nPRI;AAA;1,95\nLIN;2;3760000000031\nQTY;21;12\n", 2));
$report = $sage->connector()->import($file);
$expected = [
    'file' => $file,
    'documents' => [[
        'number' => 'CMD-PHP-1', 'message' => 'ORDERS', 'line' => 2, 'status' => 'imported', 'piece' => 'BC00001',
        'third_party' => 'C0001', 'lines' => 2, 'total_excl_tax' => '59.74',
    ]],
    'imported' => 1, 'existing' => 0, 'failed' => 0, 'warnings' => [],
];
echo $report === $expected ? "the expected report\n" : var_export($report, true);
echo $sage->sql("SELECT DO_Ref, DO_Tiers, DO_TotalHT FROM F_DOCENTETE WHERE DO_Piece = 'BC00001'");
echo $sage->sql("SELECT DL_Ligne, AR_Ref, DL_Qte, DL_PrixUnitaire FROM F_DOCLIGNE WHERE DO_Piece = 'BC00001' ORDER BY DL_Ligne");
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
the expected report
CMD-PHP-1	C0001	59.740000
1000	YAOURT-NAT	24.000000	1.950000
2000	LAIT-1L	12.000000	1.100000
