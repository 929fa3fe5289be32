--TEST--
The extension is loaded; its info (php --ri relais) shows the version, the configuration file in use and the database without its password
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
          'Relais\NotFoundException', 'Relais\InvalidArgumentException', 'Relais\UnavailableException'] as $class) {
    echo $class, ': ', class_exists($class) ? 'yes' : 'no', "\n";
}
var_dump(is_subclass_of('Relais\Exception', 'RuntimeException'));
var_dump(is_subclass_of('Relais\UnavailableException', 'Relais\Exception'));

$dir = sys_get_temp_dir() . '/relais-phpt-info-' . getmypid();
@mkdir($dir, 0700, true);
$ini = "$dir/relais.ini";
file_put_contents($ini, "[database]\ndsn = mariadb://relais:s3cr3t-pw@db.example:3306/relais\n\n[store]\npath = $dir/store\n");

ini_set('relais.config', $ini);
$text = info();
echo preg_match('/^Relais version => \d+\.\d+\.\d+/m', $text) ? "version shown\n" : $text;
echo str_contains($text, "Configuration file => $ini") ? "config file shown\n" : $text;
echo str_contains($text, 'Configuration file state => readable') ? "readable\n" : $text;
echo str_contains($text, 'db.example') ? "database shown\n" : $text;
echo str_contains($text, 's3cr3t-pw') ? "PASSWORD LEAKED\n" : "password masked\n";

ini_set('relais.config', "$dir/missing.ini");
$text = info();
echo str_contains($text, "Configuration file => $dir/missing.ini") ? "missing file shown\n" : $text;
echo str_contains($text, 'Configuration file state => missing') ? "missing\n" : $text;

unlink($ini);
rmdir($dir);
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
Relais\InvalidArgumentException: yes
Relais\UnavailableException: yes
bool(true)
bool(true)
version shown
config file shown
readable
database shown
password masked
missing file shown
missing
