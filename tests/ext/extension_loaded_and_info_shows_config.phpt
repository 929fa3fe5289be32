--TEST--
The extension is loaded; its info (php --ri relais) shows the version, the configuration file in use and the database without its password
--INI--
relais.config={PWD}/fixtures/relais-info.ini
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(false); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';

function info(): string
{
    ob_start();
    (new ReflectionExtension('relais'))->info();
    return ob_get_clean();
}

var_dump(extension_loaded('relais'));
var_dump(phpversion('relais') === (new ReflectionExtension('relais'))->getVersion());
foreach (['Relais\Client', 'Relais\Jobs', 'Relais\Flows', 'Relais\Users', 'Relais\Exception',
          'Relais\NotFoundException', 'Relais\ValidationException', 'Relais\ConnectionException'] as $class) {
    echo $class, ': ', class_exists($class) ? 'yes' : 'no', "\n";
}
var_dump(is_subclass_of('Relais\Exception', 'RuntimeException'));
var_dump(is_subclass_of('Relais\ConnectionException', 'Relais\Exception'));

$ini = __DIR__ . '/fixtures/relais-info.ini';
$text = info();
echo preg_match('/^Relais version => \d+\.\d+\.\d+/m', $text) ? "version shown\n" : $text;
echo str_contains($text, "Configuration file => $ini") ? "config file shown\n" : $text;
echo str_contains($text, 'Configuration file state => readable') ? "readable\n" : $text;
echo str_contains($text, 'db.example') ? "database shown\n" : $text;
echo str_contains($text, 's3cr3t-pw') ? "PASSWORD LEAKED\n" : "password masked\n";

// The administrator chooses the file (php.ini, vhost, .htaccess), not a script.
var_dump(ini_set('relais.config', '/tmp/other.ini'), ini_get('relais.config') === $ini);
?>
--EXPECT--
bool(true)
bool(true)
Relais\Client: yes
Relais\Jobs: yes
Relais\Flows: yes
Relais\Users: yes
Relais\Exception: yes
Relais\NotFoundException: yes
Relais\ValidationException: yes
Relais\ConnectionException: yes
bool(true)
bool(true)
version shown
config file shown
readable
database shown
password masked
bool(false)
bool(true)
