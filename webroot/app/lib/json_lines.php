<?php
/**
 * Shows a flow definition with the core's validation errors next to the fields they are
 * about: the JSON pretty-printed line by line, each line knowing the field path
 * ("steps[1].with.path") of the value it starts, the path syntax of
 * ValidationException::getErrors().
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

/**
 * Decoded JSON (objects as \stdClass, as json_decode() without $associative gives them)
 * as lines ['text', 'path'].
 * @return list<array{text: string, path: string}>
 */
function json_lines(mixed $value, string $path = '', string $indent = '', string $prefix = '', string $suffix = ''): array
{
    $isObject = $value instanceof \stdClass;
    if (!$isObject && !is_array($value)) {
        $text = json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);
        return [['text' => $indent . $prefix . $text . $suffix, 'path' => $path]];
    }
    $items = $isObject ? get_object_vars($value) : $value;
    [$open, $close] = $isObject ? ['{', '}'] : ['[', ']'];
    if ($items === []) {
        return [['text' => $indent . $prefix . $open . $close . $suffix, 'path' => $path]];
    }
    $lines = [['text' => $indent . $prefix . $open, 'path' => $path]];
    $last = array_key_last($items);
    foreach ($items as $key => $item) {
        $childPath = $isObject ? ($path === '' ? (string)$key : $path . '.' . $key) : $path . '[' . $key . ']';
        $childPrefix = $isObject ? json_encode((string)$key, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . ': ' : '';
        array_push($lines, ...json_lines($item, $childPath, $indent . '  ', $childPrefix, $key === $last ? '' : ','));
    }
    $lines[] = ['text' => $indent . $close . $suffix, 'path' => $path];
    return $lines;
}

/**
 * The index in $lines of the line an error about $field belongs to: the line of the field,
 * else of its nearest parent that is there (a missing key goes to its object), else 0.
 */
function json_error_line(array $lines, string $field): int
{
    $byPath = [];
    foreach ($lines as $i => $line) {
        $byPath[$line['path']] ??= $i;
    }
    while ($field !== '') {
        if (isset($byPath[$field])) {
            return $byPath[$field];
        }
        $field = (string)preg_replace('/(\.[^.\[]*|\[\d+\])$/', '', $field, 1, $count);
        if ($count === 0) {
            break;
        }
    }
    return 0;
}
