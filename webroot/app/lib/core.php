<?php
/**
 * Access to the Relais core through the PHP extension. All data shown by the site comes
 * from here; there is no SQL in webroot/.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

/** Raised when the extension is not loaded at all, so there is nothing to call. */
final class CoreUnavailable extends \RuntimeException
{
}

/** A request the site refuses by its own rule; its message is for the user. */
final class Refused extends \RuntimeException
{
}

/** The request's one client (built on first use, from the configured relais.ini). */
function client(): \Relais\Client
{
    static $client = null;
    if ($client === null) {
        if (!class_exists(\Relais\Client::class)) {
            throw new CoreUnavailable(t('The Relais PHP extension is not loaded in this PHP (check "php --ri relais" and the extension=relais.so line of the web server\'s php.ini).'));
        }
        $client = new \Relais\Client();
    }
    return $client;
}

/**
 * A message for the page about a failure from the core: what we were doing, then the
 * core's own message (which names the file, flow or job involved).
 */
function core_error(string $doing, \Throwable $err): string
{
    $message = trim($err->getMessage());
    if ($err instanceof CoreUnavailable) {
        return $doing . ': ' . $message;
    }
    if ($message === '') {
        $message = t('the Relais core reported an error without a message');
    }
    $text = $doing . ': ' . $message . (preg_match('/[.!?][)"\']?$/', $message) ? '' : '.');
    if (class_exists(\Relais\ConnectionException::class, false) && $err instanceof \Relais\ConnectionException) {
        $text .= ' ' . t('The service is unavailable for now; try again in a moment.');
    }
    return $text;
}

/** True when $err came from the Relais core (or its absence) rather than from a bug here. */
function is_core_error(\Throwable $err): bool
{
    return $err instanceof CoreUnavailable
        || (class_exists(\Relais\Exception::class, false) && $err instanceof \Relais\Exception);
}

/** True when $err is the core's exception of class $class (Relais\NotFoundException...), loaded or not. */
function is_core_exception(\Throwable $err, string $class): bool
{
    return class_exists($class, false) && $err instanceof $class;
}

/**
 * Runs $call; a failure of the core becomes a message (what we were doing + why) in
 * $errors and the result is $fallback. Anything else is a bug and goes up.
 */
function try_core(callable $call, string $doing, array &$errors, mixed $fallback = null): mixed
{
    try {
        return $call();
    } catch (\Throwable $err) {
        if (!is_core_error($err)) {
            throw $err;
        }
        $errors[] = core_error($doing, $err);
        return $fallback;
    }
}
