--TEST--
Jobs::list: filters by partner, creation dates and document name (text), pages with the 'next' cursor without gap or repeat; bad dates and cursors are refused
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$env->importFlow('f');
$jobs = $env->client()->jobs();
$ids = [];
for ($i = 1; $i <= 7; $i++) {
    $ids[] = $jobs->submit('f', [['name' => "order-$i.edi", 'content' => "o$i"]], ['partner' => $i % 2 ? 'ACME' : 'GLOBEX']);
}
$env->sql("UPDATE job SET created_at = '2026-01-15 10:00:00' WHERE id = {$ids[0]}");
$names = fn (array $page) => implode(',', array_map(fn ($j) => $j['id'], $page['rows']));

echo 'ACME:        ', $names($jobs->list(['partner' => 'ACME'])), "\n";
echo 'text order-3:', ' ', $names($jobs->list(['text' => 'order-3'])), "\n";
echo 'text percent: [', $names($jobs->list(['text' => '%'])), "]\n";
echo 'January:     ', $names($jobs->list(['from' => '2026-01-01', 'to' => '2026-01-31'])), "\n";
echo 'partner:     ', $jobs->get($ids[1])['partner'], "\n";

// Pages of 3: 7,6,5 / 4,3,2 / 1, then no next.
$cursor = null;
$seen = [];
do {
    $page = $jobs->list([], 3, $cursor);
    echo 'page: ', $names($page), ' next: ', var_export($page['next'], true), "\n";
    $seen = array_merge($seen, array_column($page['rows'], 'id'));
    $cursor = $page['next'];
} while ($cursor !== null);
var_dump(count($seen) === 7 && count(array_unique($seen)) === 7);

foreach ([fn () => $jobs->list(['from' => '15/01/2026']), fn () => $jobs->list([], 10, 'abc'),
          fn () => $jobs->list([], 10, '-4'), fn () => $jobs->list(['partner' => 12])] as $call) {
    try {
        $call();
        echo "accepted!\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
try {
    $jobs->list(['to' => 'yesterday']);
} catch (Relais\ValidationException $e) {
    echo 'errors: ', count($e->getErrors()), "\n";
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
ACME:        7,5,3,1
text order-3: 3
text percent: []
January:     1
partner:     GLOBEX
page: 7,6,5 next: '5'
page: 4,3,2 next: '2'
page: 1 next: NULL
bool(true)
Relais\ValidationException: from %s
ValueError: Relais\Jobs::list(): Argument #3 ($cursor) must be null or the "next" value of an earlier page
ValueError: Relais\Jobs::list(): Argument #3 ($cursor) must be null or the "next" value of an earlier page
TypeError: Relais\Jobs::list(): Argument #1 ($filter) value of "partner" must be of type ?string, int given
errors: 1
