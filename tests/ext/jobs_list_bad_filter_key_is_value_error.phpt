--TEST--
Listing jobs with a filter key other than status/flow or a limit outside 1..10000 is a ValueError; an unknown status is refused by the core
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$jobs = $env->client()->jobs();

$cases = [
    fn () => $jobs->list(['state' => 'queued']),
    fn () => $jobs->list(['queued']),
    fn () => $jobs->list(['status' => 3]),
    fn () => $jobs->list(['flow' => ['a']]),
    fn () => $jobs->list([], 0),
    fn () => $jobs->list([], 10001),
    fn () => $jobs->list(['status' => 'sleeping']),
];
foreach ($cases as $case) {
    try {
        $case();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump($jobs->list([], 10000)["rows"], $jobs->list([], 1)["rows"]);
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
ValueError: Relais\Jobs::list(): Argument #1 ($filter) has an unknown key "state" (known keys: "status", "flow", "partner", "from", "to", "text")
ValueError: Relais\Jobs::list(): Argument #1 ($filter) has an unknown key 0 (known keys: "status", "flow", "partner", "from", "to", "text")
TypeError: Relais\Jobs::list(): Argument #1 ($filter) value of "status" must be of type ?string, int given
TypeError: Relais\Jobs::list(): Argument #1 ($filter) value of "flow" must be of type ?string, array given
ValueError: Relais\Jobs::list(): Argument #2 ($limit) must be between 1 and 10000
ValueError: Relais\Jobs::list(): Argument #2 ($limit) must be between 1 and 10000
Relais\ValidationException: unknown job status 'sleeping' (known: queued, running, succeeded, failed, retry_wait, cancelled, paused)
array(0) {
}
array(0) {
}
