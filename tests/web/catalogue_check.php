<?php
// catalogue_check.php APP_DIR: prints each text the site passes to t() or tn() (literal
// strings only) that lang/fr.php does not translate; prints nothing when all are there.
declare(strict_types=1);

define('RELAIS_WEB', true);
$app = $argv[1];
$fr = require $app . '/lang/fr.php';
$texts = [];
$files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($app, FilesystemIterator::SKIP_DOTS));
foreach ($files as $file) {
    if (!str_ends_with($file->getFilename(), '.php') || str_contains($file->getPathname(), '/lang/')) {
        continue;
    }
    $tokens = token_get_all(file_get_contents($file->getPathname()));
    foreach ($tokens as $i => $token) {
        if (!is_array($token) || $token[0] !== T_STRING || !in_array($token[1], ['t', 'tn'], true)) {
            continue;
        }
        $prev = $i - 1;
        while (is_array($tokens[$prev] ?? null) && $tokens[$prev][0] === T_WHITESPACE) {
            $prev--;
        }
        if (is_array($tokens[$prev] ?? null) && in_array($tokens[$prev][0], [T_FUNCTION, T_OBJECT_OPERATOR, T_DOUBLE_COLON], true)) {
            continue;  // a definition or a method of the same name
        }
        if (($tokens[$i + 1] ?? null) !== '(') {
            continue;
        }
        // The literal arguments that are texts: t(TEXT, ...), tn(N, ONE, MANY, ...).
        $wanted = $token[1] === 't' ? [0] : [1, 2];
        $arg = 0;
        $depth = 0;
        for ($k = $i + 2; $k < count($tokens); $k++) {
            $tok = $tokens[$k];
            if ($tok === '(' || $tok === '[') {
                $depth++;
            } elseif ($tok === ')' || $tok === ']') {
                if ($depth-- === 0) {
                    break;
                }
            } elseif ($tok === ',' && $depth === 0) {
                $arg++;
            } elseif ($depth === 0 && in_array($arg, $wanted, true) && is_array($tok) && $tok[0] === T_CONSTANT_ENCAPSED_STRING) {
                $texts[eval('return ' . $tok[1] . ';')] = $file->getFilename();
            }
        }
    }
}
foreach ($texts as $text => $where) {
    if (!isset($fr[$text])) {
        echo "$where: $text\n";
    }
}
