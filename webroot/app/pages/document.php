<?php
/**
 * One document of a job, by its id only (no path ever comes from the request): its facts
 * and an inline preview (text as lines, EDIFACT one segment per line), or with
 * ?download=1 its bytes as an attachment, streamed from the content store.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const PREVIEW_BYTES = 256 * 1024;

$id = id_param('id', 'get');
try {
    $doc = $id === null ? null : client()->jobs()->document($id);
} catch (\Relais\NotFoundException) {
    $doc = null;
}
if ($doc === null) {
    render('error', ['title' => t('Document not found'), 'heading' => t('Document not found'),
        'message' => t('There is no such document.'), 'back' => url('jobs')], 404);
}

if (param('download', 'get') === '1') {
    $stream = client()->jobs()->readDocument($id);
    // Never rendered by the browser: a document could hold HTML or script.
    header('Content-Type: application/octet-stream');
    header('Content-Length: ' . (int)$doc['size']);
    header('Content-Disposition: ' . attachment_disposition((string)$doc['name']));
    header("Content-Security-Policy: default-src 'none'; sandbox");
    audit('document.download', 'document #' . $id, 'job #' . $doc['job_id'] . ' ' . $doc['name']);
    fpassthru($stream);
    fclose($stream);
    exit;
}

$preview = client()->jobs()->preview($id, PREVIEW_BYTES);
render('document', [
    'title'   => $doc['name'],
    'doc'     => $doc,
    'preview' => $preview,
]);

/** A Content-Disposition header value for $name that no browser can misread (RFC 6266). */
function attachment_disposition(string $name): string
{
    $ascii = preg_replace('/[^A-Za-z0-9._ -]/', '_', $name) ?: 'document';
    return 'attachment; filename="' . $ascii . '"; filename*=UTF-8\'\'' . rawurlencode($name);
}
