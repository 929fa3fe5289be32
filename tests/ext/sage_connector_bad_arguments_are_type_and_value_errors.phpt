--TEST--
Bad options and criteria of Relais\Sage\Connector are TypeError/ValueError naming the key
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_sage_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$sage = relais_test_sage(__FILE__);
$tries = [
    fn() => $sage->connector(['prices' => 'cheap']),
    fn() => $sage->connector(['colour' => 'blue']),
    fn() => $sage->connector(['create_delivery_places' => 1.5]),
    fn() => $sage->connector(['dsn' => 'other']),
    fn() => new Relais\Sage\Connector(''),
    fn() => $sage->connector()->export(['type' => 'quote', 'out' => '/tmp']),
    fn() => $sage->connector()->export(['type' => 'invoice']),
    fn() => $sage->connector()->export(['out' => '/tmp', 'from' => '2024-02-30']),
    fn() => $sage->connector()->export(['/tmp']),
];
foreach ($tries as $try) {
    try {
        $try();
        echo "accepted\n";
    } catch (TypeError|ValueError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECT--
ValueError: Relais\Sage\Connector::__construct(): Argument #4 ($options) prices 'cheap' is not one of "pivot", "sage"
ValueError: Relais\Sage\Connector::__construct(): Argument #4 ($options) colour is not a setting here (known: dsn, user, password, domain, document_type, generic_customer, generic_supplier, generic_item, create_delivery_places, prices, depot, souche, own_gln, own_name)
TypeError: Relais\Sage\Connector::__construct(): Argument #4 ($options) value for key "create_delivery_places" must be of type string, int or bool, float given
ValueError: Relais\Sage\Connector::__construct(): Argument #4 ($options) must not hold "dsn" (it is an argument of its own)
ValueError: Relais\Sage\Connector::__construct(): Argument #1 ($dsn) must be an ODBC data source name or connection string
ValueError: Relais\Sage\Connector::export(): Argument #1 ($criteria) type 'quote' is not one of "invoice", "credit_note", "delivery", "order" (or several separated by commas)
ValueError: Relais\Sage\Connector::export(): Argument #1 ($criteria) out is missing
ValueError: Relais\Sage\Connector::export(): Argument #1 ($criteria) from '2024-02-30' is not a date (YYYY-MM-DD)
TypeError: Relais\Sage\Connector::export(): Argument #1 ($criteria) must have string keys, 0 given
