--TEST--
Relais\Sage\Exports (Client::sageExports()): run() exports into a run folder of [sage] export_dir (none left when nothing went out), latest() lists the runs, open() streams one file by run and name only and refuses anything else
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$env = relais_test_env(__FILE__);
$dir = $env->dir . '/exports';
$pass = relais_test_admin()['pass'];
file_put_contents($env->ini, "\n[sage]\ndsn = {$sage->dsn}\nuser = {$sage->user}\n" . ($pass === '' ? '' : "password = $pass\n")
    . "own_gln = 3012345000000\n", FILE_APPEND);
$show = function (Throwable $e) use ($env, $dir, &$run): void {
    echo get_class($e), ': ', str_replace([$dir, $env->ini, (string)$run], ['EXPORTS', 'INI', 'RUN'], $e->getMessage()), "\n";
};
try {
    $env->client()->sageExports();
} catch (Relais\Exception $e) {
    $show($e);
}
file_put_contents($env->ini, "export_dir = $dir\n", FILE_APPEND);
$exports = $env->client()->sageExports();
var_dump($exports->folder() === $dir);
try {
    $exports->latest();
} catch (Relais\Exception $e) {
    $show($e);
}
mkdir($dir);
var_dump($exports->latest());

echo "-- run\n";
$r = $exports->run(['type' => 'invoice']);
$run = $r['run'];
echo implode(',', array_keys($r)), "\n";
var_dump(preg_match('/^\d{8}-\d{6}-[0-9a-f]{8}$/', $run), $r['exported'], $r['files'], array_column($r['documents'], 'file'));
echo implode(' ', array_diff(scandir("$dir/$run"), ['.', '..'])), "\n";
$none = $exports->run(['type' => 'invoice']);
var_dump($none['exported'], $none['run'] !== $run, file_exists("$dir/{$none['run']}"), count(scandir($dir)));

echo "-- latest\n";
mkdir("$dir/20240101-000000-0000000a");
file_put_contents("$dir/20240101-000000-0000000a/ORDERS_OLD.pivot", "PIVOT;1;UTF-8\n");
$latest = $exports->latest();
echo implode(' | ', array_map(fn ($x) => str_replace($run, 'RUN', $x['run']) . ': ' . implode(' ', $x['files']), $latest)), "\n";
echo count($exports->latest(1)), "\n";

echo "-- open\n";
$stream = $exports->open($run, 'INVOIC_FA00002.pivot');
echo fgets($stream), fgets($stream);
var_dump(fstat($stream)['size'] === filesize("$dir/$run/INVOIC_FA00002.pivot"));
fclose($stream);
symlink($env->ini, "$dir/$run/LINK.pivot");
mkdir("$dir/$run/DIR.pivot");
foreach ([['..', 'relais.ini'], [$run, '../../relais.ini'], ["$run/..", 'INVOIC_FA00001.pivot'], [$run, "INVOIC_FA00001.pivot\0"],
          [$run, 'LINK.pivot'], [$run, 'DIR.pivot'], [$run, 'INVOIC_FA00009.pivot'], ['20240101-000000-0000000b', 'X.pivot']] as [$r1, $f1]) {
    try {
        $exports->open($r1, $f1);
        echo "opened $r1 $f1\n";
    } catch (Relais\Exception $e) {
        $show($e);
    }
}

echo "-- arguments\n";
foreach ([fn () => $exports->run(['out' => $dir]), fn () => $exports->run(['type' => 'bill']), fn () => $exports->latest(0),
          fn () => new Relais\Sage\Exports()] as $call) {
    try {
        $call();
    } catch (ValueError | Error $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
Relais\Exception: INI [sage] export_dir is not set: exports need a folder the web server may write (docs/sage100.md)
bool(true)
Relais\Exception: export folder EXPORTS (INI [sage] export_dir) cannot be opened: No such file or directory
array(0) {
}
-- run
run,documents,exported,files,warnings
int(1)
int(2)
array(2) {
  [0]=>
  string(20) "INVOIC_FA00001.pivot"
  [1]=>
  string(20) "INVOIC_FA00002.pivot"
}
array(2) {
  [0]=>
  string(20) "INVOIC_FA00001.pivot"
  [1]=>
  string(20) "INVOIC_FA00002.pivot"
}
INVOIC_FA00001.pivot INVOIC_FA00002.pivot
int(0)
bool(true)
bool(false)
int(3)
-- latest
RUN: INVOIC_FA00001.pivot INVOIC_FA00002.pivot | 20240101-000000-0000000a: ORDERS_OLD.pivot
1
-- open
PIVOT;1;UTF-8
DOC;INVOIC;FA00002;2024-03-06;380;9;EUR
bool(true)
Relais\ValidationException: export run '..' is not a run name (YYYYMMDD-HHMMSS- and 8 hex digits)
Relais\ValidationException: export file '../../relais.ini' is not an exported file name (1 to 120 letters, digits, '_' or '-', then .pivot)
Relais\ValidationException: export run 'RUN/..' is not a run name (YYYYMMDD-HHMMSS- and 8 hex digits)
Relais\ValidationException: export file 'INVOIC_FA00001.pivot\x00' is not an exported file name (1 to 120 letters, digits, '_' or '-', then .pivot)
Relais\ValidationException: export file RUN/LINK.pivot of export folder EXPORTS (INI [sage] export_dir) is a symbolic link: refused
Relais\ValidationException: export file RUN/DIR.pivot of export folder EXPORTS (INI [sage] export_dir) is not a regular file: refused
Relais\NotFoundException: export file RUN/INVOIC_FA00009.pivot of export folder EXPORTS (INI [sage] export_dir) does not exist
Relais\NotFoundException: export run 20240101-000000-0000000b of export folder EXPORTS (INI [sage] export_dir) does not exist
-- arguments
ValueError: Relais\Sage\Exports::run(): Argument #1 ($criteria) out is not a setting here (known: domain, type, from, to, customer, one_file, charset)
ValueError: Relais\Sage\Exports::run(): Argument #1 ($criteria) type 'bill' is not one of "invoice", "credit_note", "delivery", "order" (or several separated by commas)
ValueError: Relais\Sage\Exports::latest(): Argument #1 ($limit) limit 0 is not between 1 and 1000
Error: Cannot directly construct Relais\Sage\Exports, use Relais\Client::sageExports()