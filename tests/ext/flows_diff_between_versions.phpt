--TEST--
Flows: export() of a given version; diff() of two versions lists each line of their pretty-printed definitions as kept, removed or added, with line numbers; unknown versions are NotFound
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$flows = $env->client()->flows();
$flows->save(['name' => 'orders', 'description' => 'v1', 'steps' => [['activity' => 'noop']]]);
$flows->save(['name' => 'orders', 'description' => 'v2', 'steps' => [['activity' => 'noop']]]);
foreach ($flows->diff('orders', 1, 2) as $l) {
    if ($l['op'] !== ' ') {
        printf("%s%s (old %d, new %d)\n", $l['op'], $l['text'], $l['old_line'], $l['new_line']);
    }
}
echo str_contains($flows->export('orders', 1), '"description": "v1"') ? 'export of v1' : 'wrong export', "\n";
echo count(array_filter($flows->diff('orders', 2, 2), fn ($l) => $l['op'] !== ' ')), " changes from a version to itself\n";
foreach ([fn () => $flows->diff('orders', 1, 9), fn () => $flows->diff('orders', 0, 1), fn () => $flows->diff('', 1, 2)] as $call) {
    try {
        $call();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), "\n";
    }
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
-  "description": "v1", (old 2, new 0)
+  "description": "v2", (old 0, new 2)
export of v1
0 changes from a version to itself
Relais\NotFoundException
ValueError
ValueError
