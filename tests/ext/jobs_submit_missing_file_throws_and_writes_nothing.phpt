--TEST--
Submitting a file that does not exist: Relais\NotFoundException naming the file; no job row and nothing stored
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('inbox');
$missing = $env->dir . '/in/not-there.txt';
$good = $env->file('good.txt', "hello\n");

$jobs = $env->client()->jobs();
try {
    $jobs->submit('inbox', [$missing]);
    echo "submitted!\n";
} catch (Relais\NotFoundException $e) {
    echo get_class($e), "\n";
    echo str_contains($e->getMessage(), $missing) ? "names the file\n" : $e->getMessage() . "\n";
}
var_dump($jobs->list()["rows"], $env->storedFiles());

// One good file and one missing: still no job (the good file may stay in the
// write-once store, unreferenced, by the core's design).
try {
    $jobs->submit('inbox', [$good, 'other.txt' => $missing]);
    echo "submitted!\n";
} catch (Relais\NotFoundException $e) {
    echo str_contains($e->getMessage(), $missing) ? "names the file\n" : $e->getMessage() . "\n";
}
var_dump($jobs->list()["rows"]);

// A folder is not a document.
try {
    $jobs->submit('inbox', [$env->dir]);
} catch (Relais\Exception $e) {
    echo get_class($e), ': ', str_replace($env->dir, 'DIR', $e->getMessage()), "\n";
}
var_dump(count($jobs->list()["rows"]));
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
Relais\NotFoundException
names the file
array(0) {
}
array(0) {
}
names the file
array(0) {
}
Relais\ValidationException: input file DIR: DIR is not a regular file
int(0)
