<?php
/**
 * Languages of the site: French first, English per user. Texts are written in English in
 * the code and looked up in the catalogue of the page's language (lang/fr.php); English
 * needs no catalogue. Placeholders are {name}, filled from $params (plain text: the
 * template escapes the result like any other value).
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const LANGUAGES = ['fr' => 'Français', 'en' => 'English'];
const DEFAULT_LANGUAGE = 'fr';

/** The language of this request: the user's, else the one chosen on the login page, else French. */
function lang(): string
{
    $chosen = current_user()['language'] ?? ($_SESSION['lang'] ?? DEFAULT_LANGUAGE);
    return isset(LANGUAGES[$chosen]) ? $chosen : DEFAULT_LANGUAGE;
}

/** @return array<string, string> the catalogue of $language (English text => translation) */
function catalogue(string $language): array
{
    static $loaded = [];
    if (!isset($loaded[$language])) {
        $file = RELAIS_WEB_APP . '/lang/' . $language . '.php';
        $loaded[$language] = $language !== 'en' && is_file($file) ? (array)require $file : [];
    }
    return $loaded[$language];
}

/** The translation of $text with its {placeholders} filled. */
function t(string $text, array $params = []): string
{
    $translated = catalogue(lang())[$text] ?? $text;
    if ($params === []) {
        return $translated;
    }
    $pairs = [];
    foreach ($params as $key => $value) {
        $pairs['{' . $key . '}'] = (string)$value;
    }
    return strtr($translated, $pairs);
}

/**
 * A count with its noun: tn(3, '{n} job', '{n} jobs'). French uses the singular for 0 and
 * 1, English for 1 only.
 */
function tn(int $n, string $one, string $many, array $params = []): string
{
    $singular = lang() === 'fr' ? $n <= 1 : $n === 1;
    return t($singular ? $one : $many, ['n' => number($n)] + $params);
}

/** A whole number with the language's thousands separator (French: a narrow no-break space). */
function number(int|float $n, int $decimals = 0): string
{
    return lang() === 'fr'
        ? number_format((float)$n, $decimals, ',', "\u{202F}")
        : number_format((float)$n, $decimals, '.', ',');
}
