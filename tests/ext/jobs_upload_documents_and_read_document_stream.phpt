--TEST--
Jobs: an upload ['name', 'content'] becomes an input document; documents() lists it and readDocument() streams its bytes; unknown ids and malformed uploads are refused
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('in');
$jobs = $env->client()->jobs();

$content = "UNH+1+ORDERS:D:96A:UN:EAN008'\n" . str_repeat("LIN+1++4012345678901:EN'\n", 1000);
$id = $jobs->submit('in', [['name' => 'order 1.edi', 'content' => $content], $env->file('b.txt', 'b')]);
$docs = $jobs->documents($id);
foreach ($docs as $d) {
    echo $d['name'], ' ', $d['size'], ' ', $d['direction'], ' ', $d['sha256'] === hash('sha256', $d['name'] === 'b.txt' ? 'b' : $content) ? 'sha ok' : 'sha wrong', "\n";
}
$stream = $jobs->readDocument($docs[0]['id']);
var_dump(is_resource($stream), get_resource_type($stream));
var_dump(stream_get_contents($stream) === $content);
fclose($stream);
echo count($jobs->documents($jobs->submit('in'))), " document(s) for a job without input\n";

foreach ([
    fn () => $jobs->documents(999999),
    fn () => $jobs->readDocument(999999),
    fn () => $jobs->readDocument(0),
    fn () => $jobs->submit('in', [['name' => 'x.txt']]),
    fn () => $jobs->submit('in', [['name' => '', 'content' => 'x']]),
    fn () => $jobs->submit('in', [['name' => 'x', 'content' => 'x', 'extra' => 1]]),
    fn () => $jobs->submit('in', [['name' => '../x', 'content' => 'x']]),
] as $call) {
    try {
        $call();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
echo count($jobs->list()['rows']), " job(s)\n";
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
order 1.edi 25030 in sha ok
b.txt 1 in sha ok
bool(true)
string(6) "stream"
bool(true)
0 document(s) for a job without input
Relais\NotFoundException: no job #999999
Relais\NotFoundException: no document #999999
ValueError: Relais\Jobs::readDocument(): Argument #1 ($documentId) must be greater than 0
ValueError: Relais\Jobs::submit(): Argument #2 ($files) upload 0 must be ['name' => string, 'content' => string]
ValueError: Relais\Jobs::submit(): Argument #2 ($files) upload 0 must have a non-empty name without null bytes
ValueError: Relais\Jobs::submit(): Argument #2 ($files) upload 0 must be ['name' => string, 'content' => string]
Relais\ValidationException: document name '../x' is not a plain file name
2 job(s)
