<?php
/**
 * The Sage 100 connector of relais.ini's [sage] section (docs/sage100.md): import an
 * uploaded pivot file, export Sage documents (domain, type, dates, third party) to pivot
 * files, and read the run's report. The core (Relais\Sage\Exports) runs each export into
 * a folder of its own under [sage] export_dir, lists the latest runs and opens a file by
 * run and file name only (?download=RUN/FILE); this page renders, audits and streams.
 * Viewers see the page, the earlier exports and their files; running takes job.run (the
 * route).
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const SAGE_RECENT_RUNS = 10;

$errors = [];
$settings = try_core(static fn () => client()->settings(), t('Could not read the configuration'), $errors, []);
$config = $settings['sage'] ?? null;

if (request_method() === 'GET' && param('download', 'get') !== '') {
    sage_download(param('download', 'get'));
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
        $exportReport = sage_export($form, $errors);
    } else {
        $errors[] = t('Unknown action "{action}".', ['action' => $form['action']]);
    }
    if ($errors !== []) {
        $status = 422;
    }
}

$recent = $config === null ? [] : try_core(static fn () => client()->sageExports()->latest(SAGE_RECENT_RUNS),
    t('Could not list the exports'), $errors, []);

render('sage', [
    'title'        => t('Sage 100'),
    'config'       => $config,
    'form'         => $form,
    'errors'       => $errors,
    'importReport' => $importReport,
    'exportReport' => $exportReport,
    'recent'       => $recent,
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

/** Exports into a new run folder of [sage] export_dir (the core's); the report names the files in the run. */
function sage_export(array $form, array &$errors): ?array
{
    $criteria = ['domain' => $form['domain'], 'type' => $form['type'], 'one_file' => $form['one_file']];
    foreach (['from', 'to', 'customer'] as $key) {
        if ($form[$key] !== '') {
            $criteria[$key] = $form[$key];
        }
    }
    try {
        $report = client()->sageExports()->run($criteria);
    } catch (\ValueError $err) {
        $errors[] = t('The export was refused: {why}', ['why' => sage_argument_message($err)]);
        return null;
    } catch (\Throwable $err) {
        if (!is_core_error($err)) {
            throw $err;
        }
        $errors[] = core_error(t('The export from Sage failed'), $err);
        return null;
    }
    audit('sage.export', $report['exported'] > 0 ? $report['run'] : '', sprintf('%s %s%s%s%s: %d exported', $form['domain'], $form['type'],
        $form['from'] !== '' ? ' from ' . $form['from'] : '', $form['to'] !== '' ? ' to ' . $form['to'] : '',
        $form['customer'] !== '' ? ' of ' . $form['customer'] : '', $report['exported']));
    return $report;
}

/** A ValueError's message without PHP's "Class::method(): Argument #1 ($x)" prefix: the core's own words. */
function sage_argument_message(\ValueError $err): string
{
    return preg_replace('/^.*?Argument #\d+ \(\$\w+\) /', '', $err->getMessage()) ?? $err->getMessage();
}

/** Sends one exported file, named by "RUN/FILE" only: the core refuses any other name, link or non-file (404). */
function sage_download(string $which): never
{
    [$run, $file] = array_pad(explode('/', $which, 2), 2, '');
    try {
        $stream = client()->sageExports()->open($run, $file);
    } catch (\Throwable $err) {
        if (!is_core_error($err)) {
            throw $err;
        }
        $refused = is_core_exception($err, \Relais\NotFoundException::class)
            || is_core_exception($err, \Relais\ValidationException::class);
        $heading = $refused ? t('File not found') : t('Download failed');
        render('error', ['title' => $heading, 'heading' => $heading,
            'message' => $refused ? t('There is no such exported file.') : core_error(t('The exported file could not be read'), $err),
            'back' => url('sage')], $refused ? 404 : 500);
    }
    // Never rendered by the browser: sent as an attachment, sandboxed.
    header('Content-Type: application/octet-stream');
    header('Content-Length: ' . (int)fstat($stream)['size']);
    header('Content-Disposition: attachment; filename="' . $file . '"');
    header("Content-Security-Policy: default-src 'none'; sandbox");
    audit('sage.download', $run . '/' . $file);
    fpassthru($stream);
    fclose($stream);
    exit;
}
