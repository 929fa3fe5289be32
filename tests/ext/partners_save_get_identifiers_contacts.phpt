--TEST--
Partners: save() creates then updates by code with contacts; a wrong GLN check digit, a SIRET failing Luhn and a bad e-mail are listed by field; a GLN belongs to one partner; enable(); get() of an unknown code is NotFound; bad arguments are TypeError/ValueError
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$partners = $env->client()->partners();

$p = $partners->save(['code' => 'ACME', 'name' => 'ACME Distribution', 'gln' => '5412345000013', 'siret' => '73282932000074',
    'contacts' => [['name' => 'Alice Martin', 'email' => 'alice@acme.fr', 'phone' => '01 23 45 67 89', 'role' => 'EDI'], ['name' => 'Bob']]]);
echo $p['code'], ' ', $p['name'], ' ', $p['gln'], ' ', $p['siret'], ' ', var_export($p['enabled'], true), ' ', count($p['contacts']), " contacts\n";
echo json_encode($p['contacts'][1]), "\n";
$p = $partners->save(['code' => 'ACME', 'name' => 'ACME France', 'gln' => null, 'siret' => '', 'notes' => 'quai 3', 'contacts' => []]);
echo $p['name'], ' ', var_export($p['gln'], true), ' ', var_export($p['siret'], true), ' ', $p['notes'], ' ', count($p['contacts']), " contacts\n";
$partners->enable('ACME', false);
var_dump($partners->get('ACME')['enabled']);
echo count($partners->list()), ' ', implode(',', array_keys($partners->list()[0])), "\n";

try {
    $partners->save(['code' => 'BAD', 'name' => 'Bad', 'gln' => '5412345000014', 'siret' => '73282932000075',
        'contacts' => [['name' => 'X', 'email' => 'x@']]]);
} catch (Relais\ValidationException $e) {
    foreach ($e->getErrors() as $err) echo $err['field'], ': ', $err['message'], "\n";
}
$partners->save(['code' => 'ACME', 'name' => 'ACME', 'gln' => '5412345000013']);
try {
    $partners->save(['code' => 'OTHER', 'name' => 'Other', 'gln' => '5412345000013']);
} catch (Relais\ValidationException $e) {
    echo json_encode($e->getErrors()), "\n";
}
foreach ([fn () => $partners->get('NOPE'), fn () => $partners->enable('NOPE'), fn () => $partners->get(''),
          fn () => $partners->save(['name' => 'x']), fn () => $partners->save(['code' => 'A', 'name' => 1]),
          fn () => $partners->save(['code' => 'A', 'colour' => 'red']), fn () => $partners->save(['code' => 'A', 'contacts' => [['mail' => 'x']]]),
          fn () => new Relais\Partners()] as $call) {
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
ACME ACME Distribution 5412345000013 73282932000074 true 2 contacts
{"name":"Bob","email":"","phone":"","role":""}
ACME France NULL NULL quai 3 0 contacts
bool(false)
1 id,code,name,gln,siret,notes,enabled,created_at,updated_at,contacts,certificates_expiring,certificates_expired
gln: '5412345000014' has a wrong check digit (4; the first 12 digits give 3)
siret: '73282932000075' fails the Luhn check (a digit is wrong or two are swapped)
contacts[0].email: 'x@' is not an e-mail address
[{"field":"gln","message":"'5412345000013' is already the GLN of partner 'ACME'"}]
Relais\NotFoundException: unknown partner 'NOPE'
Relais\NotFoundException: unknown partner 'NOPE'
ValueError: Relais\Partners::get(): Argument #1 ($code) must not be empty
ValueError: Relais\Partners::save(): Argument #1 ($partner) must have a "code"
TypeError: Relais\Partners::save(): Argument #1 ($partner) value of "name" must be of type string, int given
ValueError: Relais\Partners::save(): Argument #1 ($partner) has an unknown key "colour" (known keys: "code", "name", "gln", "siret", "notes", "enabled", "contacts")
ValueError: Relais\Partners::save(): Argument #1 ($partner) contact 0 has an unknown key "mail" (known keys: "name", "email", "phone", "role")
Error: Cannot directly construct Relais\Partners, use Relais\Client::partners()
