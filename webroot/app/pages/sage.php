<?php
/**
 * The Sage 100 connector of relais.ini's [sage] section (docs/sage100.md): import an
 * uploaded pivot file, export Sage documents (domain, type, dates, third party) to pivot
 * files, and read the run's report. Exports go to a folder of their own under [sage]
 * export_dir and are downloaded by run and file name only (?download=RUN/FILE). Viewers
 * see the page, the earlier exports and their files; running takes job.run (the route).
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const SAGE_RUN_PATTERN = '/^\d{8}-\d{6}-[0-9a-f]{8}$/';
const SAGE_FILE_PATTERN = '/^[A-Za-z0-9_-]{1,120}\.pivot$/';
const SAGE_RECENT_RUNS = 10;

$errors = [];
$settings = try_core(static fn () => client()->settings(), t('Could not read the configuration'), $errors, []);
$config = $settings['sage'] ?? null;
$exportDir = rtrim((string)($config['export_dir'] ?? ''), '/');

if (request_method() === 'GET' && param('download', 'get') !== '') {
    sage_download($exportDir, param('download', 'get'));
}

$form = [
    'action'        => param('action', 'post'),
    'import_domain' => param('import_domain', 'post') ?: 'sales',
    'document_type' => param('document_type', 'post') ?: 'order',
    'domain'        => param('domain', 'post') ?: 'sales',
    'type'          => param('type', 'post') ?: 'invoice',
    'from'          => param('from', 'post'),
    'to'            => param('to', 'post'),
    'customer'      => param('customer', 'post'),
    'one_file'      => param('one_file', 'post') === '1',
];
$importReport = null;
$exportReport = null;
$status = 200;

if (request_method() === 'POST') {
    if ($config === null) {
        $errors[] = t('The Sage 100 connector is not configured: add a [sage] section to relais.ini (see docs/sage100.md).');
    } elseif ($form['action'] === 'import') {
        $importReport = sage_import($form, $errors);
    } elseif ($form['action'] === 'export') {
        $exportReport = sage_export($form, $exportDir, $errors);
    } else {
        $errors[] = t('Unknown action "{action}".', ['action' => $form['action']]);
    }
    if ($errors !== []) {
        $status = 422;
    }
}

render('sage', [
    'title'        => t('Sage 100'),
    'config'       => $config,
    'form'         => $form,
    'errors'       => $errors,
    'importReport' => $importReport,
    'exportReport' => $exportReport,
    'recent'       => sage_recent_exports($exportDir),
    'maxUpload'    => (string)ini_get('upload_max_filesize'),
], $status);

/**
 * Imports the uploaded pivot file under its own name (the core's messages name the file,
 * so they name what the user sent), from a private folder removed afterwards.
 */
function sage_import(array $form, array &$errors): ?array
{
    $upload = $_FILES['pivot'] ?? null;
    $code = is_array($upload) ? (int)($upload['error'] ?? UPLOAD_ERR_NO_FILE) : UPLOAD_ERR_NO_FILE;
    if ($code === UPLOAD_ERR_NO_FILE) {
        $errors[] = t('Choose a pivot file to import.');
        return null;
    }
    if ($code !== UPLOAD_ERR_OK || !is_uploaded_file((string)$upload['tmp_name'])) {
        $errors[] = $code === UPLOAD_ERR_INI_SIZE || $code === UPLOAD_ERR_FORM_SIZE
            ? t('The file is larger than this server accepts (upload_max_filesize = {max}).', ['max' => ini_get('upload_max_filesize')])
            : t('The file could not be received (PHP upload error {code}); send it again.', ['code' => $code]);
        return null;
    }
    $name = preg_replace('/[^A-Za-z0-9._-]/', '_', basename(str_replace('\\', '/', (string)$upload['name']))) ?? '';
    $name = trim($name, '.') === '' ? 'upload.pivot' : $name;
    $dir = sys_get_temp_dir() . '/relais-sage-' . bin2hex(random_bytes(8));
    if (!mkdir($dir, 0700) || !move_uploaded_file((string)$upload['tmp_name'], $dir . '/' . $name)) {
        $errors[] = t('The uploaded file could not be stored for the import (see the web server\'s error log).');
        @rmdir($dir);
        return null;
    }
    $path = $dir . '/' . $name;
    $named = static fn (string $text): string => str_replace($path, $name, $text);
    try {
        $report = client()->sage(['domain' => $form['import_domain'], 'document_type' => $form['document_type']])->import($path);
        $report['file'] = $name;
        foreach ($report['documents'] as &$doc) {
            $doc['error'] = $named((string)($doc['error'] ?? ''));
        }
        unset($doc);
        $report['warnings'] = array_map($named, $report['warnings']);
        audit('sage.import', $name, sprintf('%s %s: %d imported, %d existing, %d failed', $form['import_domain'],
            $form['document_type'], $report['imported'], $report['existing'], $report['failed']));
        return $report;
    } catch (\ValueError $err) {
        $errors[] = t('The import options were refused: {why}', ['why' => sage_argument_message($err)]);
    } catch (\Throwable $err) {
        if (!is_core_error($err)) {
            throw $err;
        }
        $refused = is_core_exception($err, \Relais\ValidationException::class);
        $errors[] = $refused
            ? t('The pivot file was refused and nothing was imported: {why}', ['why' => $named($err->getMessage())])
            : $named(core_error(t('The import into Sage failed'), $err));
        audit('sage.import', $name, 'refused: ' . $named($err->getMessage()));
    } finally {
        @unlink($path);
        @rmdir($dir);
    }
    return null;
}

/** Exports into a new folder RUN of $exportDir; the report gets 'run' and bare file names. */
function sage_export(array $form, string $exportDir, array &$errors): ?array
{
    if ($exportDir === '' || !is_dir($exportDir)) {
        $errors[] = t('Exports need a folder: set export_dir in the [sage] section of relais.ini to an existing folder the web server may write.');
        return null;
    }
    $run = gmdate('Ymd-His') . '-' . bin2hex(random_bytes(4));
    $out = $exportDir . '/' . $run;
    if (!@mkdir($out, 02775)) {
        $errors[] = t('The export folder {dir} could not be created (see the web server\'s error log).', ['dir' => $out]);
        return null;
    }
    $criteria = ['out' => $out, 'domain' => $form['domain'], 'type' => $form['type'], 'one_file' => $form['one_file']];
    foreach (['from', 'to', 'customer'] as $key) {
        if ($form[$key] !== '') {
            $criteria[$key] = $form[$key];
        }
    }
    try {
        $report = client()->sage()->export($criteria);
    } catch (\ValueError $err) {
        $errors[] = t('The export was refused: {why}', ['why' => sage_argument_message($err)]);
    } catch (\Throwable $err) {
        if (!is_core_error($err)) {
            throw $err;
        }
        $errors[] = core_error(t('The export from Sage failed'), $err);
    }
    if (!isset($report)) {
        @rmdir($out);
        return null;
    }
    if ($report['exported'] === 0) {
        @rmdir($out);
    }
    $report['run'] = $run;
    $report['files'] = array_map('basename', $report['files']);
    foreach ($report['documents'] as &$doc) {
        $doc['file'] = basename((string)$doc['file']);
    }
    unset($doc);
    audit('sage.export', $report['exported'] > 0 ? $run : '', sprintf('%s %s%s%s%s: %d exported', $form['domain'], $form['type'],
        $form['from'] !== '' ? ' from ' . $form['from'] : '', $form['to'] !== '' ? ' to ' . $form['to'] : '',
        $form['customer'] !== '' ? ' of ' . $form['customer'] : '', $report['exported']));
    return $report;
}

/** A ValueError's message without PHP's "Class::method(): Argument #1 ($x)" prefix: the core's own words. */
function sage_argument_message(\ValueError $err): string
{
    return preg_replace('/^.*?Argument #\d+ \(\$\w+\) /', '', $err->getMessage()) ?? $err->getMessage();
}

/** Sends one exported file, named by "RUN/FILE" only (both checked, then confined to the folder). */
function sage_download(string $exportDir, string $which): never
{
    [$run, $file] = array_pad(explode('/', $which, 2), 2, '');
    $base = $exportDir === '' ? false : realpath($exportDir);
    $real = $base === false || !preg_match(SAGE_RUN_PATTERN, $run) || !preg_match(SAGE_FILE_PATTERN, $file)
        ? false : realpath($base . '/' . $run . '/' . $file);
    if ($real === false || !str_starts_with($real, $base . '/') || !is_file($real)) {
        render('error', ['title' => t('File not found'), 'heading' => t('File not found'),
            'message' => t('There is no such exported file.'), 'back' => url('sage')], 404);
    }
    header('Content-Type: application/octet-stream');
    header('Content-Length: ' . (int)filesize($real));
    header('Content-Disposition: attachment; filename="' . $file . '"');
    header("Content-Security-Policy: default-src 'none'; sandbox");
    audit('sage.download', $run . '/' . $file);
    readfile($real);
    exit;
}

/** @return list<array{run: string, files: list<string>}> the latest export runs, newest first */
function sage_recent_exports(string $exportDir): array
{
    if ($exportDir === '' || !is_dir($exportDir)) {
        return [];
    }
    $runs = array_values(array_filter(scandir($exportDir, SCANDIR_SORT_DESCENDING) ?: [],
        static fn (string $d): bool => preg_match(SAGE_RUN_PATTERN, $d) === 1));
    $recent = [];
    foreach (array_slice($runs, 0, SAGE_RECENT_RUNS) as $run) {
        $files = array_values(array_filter(scandir($exportDir . '/' . $run) ?: [],
            static fn (string $f): bool => preg_match(SAGE_FILE_PATTERN, $f) === 1));
        if ($files !== []) {
            $recent[] = ['run' => $run, 'files' => $files];
        }
    }
    return $recent;
}
