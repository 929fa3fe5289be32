--TEST--
The extension's info says when the configuration file in use does not exist
--INI--
relais.config={PWD}/fixtures/does-not-exist.ini
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(false); ?>
--FILE--
<?php
ob_start();
(new ReflectionExtension('relais'))->info();
$text = ob_get_clean();
$ini = __DIR__ . '/fixtures/does-not-exist.ini';
echo str_contains($text, "Configuration file => $ini") ? "missing file shown\n" : $text;
echo str_contains($text, 'Configuration file state => missing') ? "missing\n" : $text;
?>
--EXPECT--
missing file shown
missing
