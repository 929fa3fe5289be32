--TEST--
Partners: edifact() gives the defaults until saveEdifact() stores the syntax level, separators, test indicator and UNB recipient; every problem is listed by field and nothing is saved; an unknown partner is NotFound; bad arguments are TypeError/ValueError
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$partners = $env->client()->partners();
$partners->save(['code' => 'HYPER', 'name' => 'Hyper du Centre', 'gln' => '3012345100014']);

echo json_encode($partners->edifact('HYPER')), "\n";
$s = $partners->saveEdifact('HYPER', ['syntax_level' => 'UNOA', 'separators' => ':*,? ~', 'test' => true]);
echo json_encode($s), "\n";
$s = $partners->saveEdifact('HYPER', ['syntax_level' => 'UNOY', 'separators' => '', 'test' => false, 'unb_id' => 'VAN-42', 'unb_qualifier' => 'ZZZ']);
echo json_encode($s), "\n";

try {
    $partners->saveEdifact('HYPER', ['syntax_level' => 'UNOZ', 'separators' => '::.? \'', 'unb_id' => str_repeat('X', 36), 'unb_qualifier' => '1 4']);
    echo "accepted!\n";
} catch (Relais\ValidationException $e) {
    foreach ($e->getErrors() as $err) echo $err['field'], ': ', $err['message'], "\n";
}
echo json_encode($partners->edifact('HYPER')), " (unchanged)\n";

foreach ([fn () => $partners->edifact('NOPE'), fn () => $partners->saveEdifact('NOPE', []), fn () => $partners->edifact(''),
          fn () => $partners->saveEdifact('HYPER', ['level' => 'UNOA']), fn () => $partners->saveEdifact('HYPER', ['test' => 'yes']),
          fn () => $partners->saveEdifact('HYPER', ['separators' => 3])] as $call) {
    try {
        $call();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
{"syntax_level":"UNOC","separators":"","test":false,"unb_id":null,"unb_qualifier":"14","next_reference":1,"stored":false}
{"syntax_level":"UNOA","separators":":*,? ~","test":true,"unb_id":null,"unb_qualifier":"14","next_reference":1,"stored":true}
{"syntax_level":"UNOY","separators":"","test":false,"unb_id":"VAN-42","unb_qualifier":"ZZZ","next_reference":1,"stored":true}
syntax_level: 'UNOZ' is not UNOA, UNOB, UNOC, UNOY or UNOW
separators: '::.? '': ':' is given for two service characters
unb_id: 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' must be at most 35 printable ASCII characters
unb_qualifier: '1 4' must be 1 to 4 letters or digits (14: GLN)
{"syntax_level":"UNOY","separators":"","test":false,"unb_id":"VAN-42","unb_qualifier":"ZZZ","next_reference":1,"stored":true} (unchanged)
Relais\NotFoundException: unknown partner 'NOPE'
Relais\NotFoundException: unknown partner 'NOPE'
ValueError: Relais\Partners::edifact(): Argument #1 ($code) must not be empty
ValueError: Relais\Partners::saveEdifact(): Argument #2 ($settings) has an unknown key "level" (known keys: "syntax_level", "separators", "test", "unb_id", "unb_qualifier")
TypeError: Relais\Partners::saveEdifact(): Argument #2 ($settings) value of "test" must be of type bool, string given
TypeError: Relais\Partners::saveEdifact(): Argument #2 ($settings) value of "separators" must be of type string, int given
