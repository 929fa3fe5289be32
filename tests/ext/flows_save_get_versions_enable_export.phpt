--TEST--
Flows: save() a definition (JSON text or array) as a new version, get() the current or an old version, versions(), enable(), export(); ValidationException lists every problem with its field path
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$flows = $env->client()->flows();

var_dump($flows->save('{"name":"orders","description":"v1","steps":[{"activity":"noop"}]}'));
var_dump($flows->save(['name' => 'orders', 'description' => 'v2', 'steps' => [['activity' => 'noop'], ['activity' => 'noop']]]));
var_dump($flows->save(['name' => 'orders', 'description' => 'v2', 'steps' => [['activity' => 'noop'], ['activity' => 'noop']]]));
$cur = $flows->get('orders');
echo $cur['version'], ' ', $cur['description'], ' ', $cur['steps'], ' steps, definition: ', json_encode($cur['definition']), "\n";
echo $flows->get('orders', 1)['description'], "\n";
echo implode(',', array_column($flows->versions('orders'), 'version')), "\n";
$flows->enable('orders', false);
var_dump($flows->get('orders')['enabled']);
$flows->enable('orders');
var_dump($flows->list()[0]['enabled']);
echo $flows->export('orders');

try {
    $flows->save(['name' => 'bad name!', 'retry' => ['max_attempts' => 0], 'steps' => [
        ['activity' => 'dir.deposit', 'with' => ['path' => 'relative']], ['activity' => 'teleport'], ['with' => (object)[]]]]);
} catch (Relais\ValidationException $e) {
    echo get_class($e), "\n";
    foreach ($e->getErrors() as $err) {
        echo '  ', $err['field'], ': ', $err['message'], "\n";
    }
}
foreach ([fn () => $flows->save('{"name": "x", "steps": ['), fn () => $flows->get('nope'), fn () => $flows->get('orders', 9),
          fn () => $flows->get(''), fn () => $flows->enable('nope'), fn () => $flows->save(new stdClass)] as $call) {
    try {
        $call();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
echo count($flows->versions('orders')), " versions\n";
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
int(1)
int(2)
int(2)
2 v2 2 steps, definition: {"description":"v2","name":"orders","steps":[{"activity":"noop"},{"activity":"noop"}]}
v1
2,1
bool(false)
bool(true)
{
  "description": "v2",
  "name": "orders",
  "steps": [
    {
      "activity": "noop"
    },
    {
      "activity": "noop"
    }
  ]
}
Relais\ValidationException
  name: 'bad name!' must be 1-190 letters, digits, '-', '_' or '.'
  retry.max_attempts: must be an integer from 1 to 100
  steps[2].activity: is missing or not a string
  steps[0].with.path: '%s' must be absolute
  steps[1].activity: 'teleport' is not a known activity (known: %s)
Relais\ValidationException: flow definition: not valid JSON: %s
Relais\NotFoundException: unknown flow 'nope'
Relais\NotFoundException: flow 'orders' has no version 9 (versions 1 to 2)
ValueError: Relais\Flows::get(): Argument #1 ($name) must not be empty
Relais\NotFoundException: unknown flow 'nope'
TypeError: Relais\Flows::save(): Argument #1 ($definition) must be of type array|string, stdClass given
2 versions
