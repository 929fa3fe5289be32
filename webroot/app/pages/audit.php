<?php
/** The audit log (audit.view): who did what and when, newest first, filtered, a page at a time. */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const AUDIT_FAMILIES = ['login', 'logout', 'job.', 'flow.', 'user.', 'partner.', 'document.', 'access.', 'csrf.'];

$filter = [];
foreach (['login', 'action', 'from', 'to'] as $key) {
    $filter[$key] = param($key, 'get');
}
$cursor = id_param('before', 'get');
$errors = [];
$status = 200;
$page = null;
try {
    $page = client()->users()->auditLog(array_filter($filter, static fn (string $v) => $v !== ''), 100,
        $cursor === null ? null : (string)$cursor);
} catch (\Relais\ValidationException $err) {
    $errors[] = t('The filter was not applied: {why}', ['why' => $err->getMessage()]);
    $status = 422;
}

render('audit', [
    'title'    => t('Audit log'),
    'rows'     => $page['rows'] ?? [],
    'next'     => $page['next'] ?? null,
    'cursor'   => $cursor,
    'filter'   => $filter,
    'families' => AUDIT_FAMILIES,
    'errors'   => $errors,
], $status);
