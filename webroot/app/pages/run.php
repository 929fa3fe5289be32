<?php
/**
 * Run a flow by hand: pick an enabled flow, upload its input files, add parameters.
 * A valid form queues a job and redirects to it; an invalid one is shown again with the
 * user's choices kept and every problem listed.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$errors = [];
$flows = [];
try {
    $flows = client()->flows()->list();
} catch (\Throwable $err) {
    if (!is_core_error($err)) {
        throw $err;
    }
    $errors[] = core_error(t('Could not load the list of flows'), $err);
}
$enabled = array_values(array_filter($flows, static fn (array $f): bool => !empty($f['enabled'])));
usort($enabled, static fn (array $a, array $b): int => strcmp((string)$a['name'], (string)$b['name']));

$flow = param('flow');
$paramsText = request_method() === 'POST' ? (string)($_POST['params'] ?? '') : '';
$status = $flows === [] && $errors !== [] ? 503 : 200;

if (request_method() === 'POST') {
    $errors = array_merge($errors, check_flow($flow, $flows));
    [$params, $paramErrors] = parse_params($paramsText);
    [$files, $fileErrors] = uploaded_files('files');
    $errors = array_merge($errors, $paramErrors, $fileErrors);
    if ($files === [] && $fileErrors === []) {
        $errors[] = t('Choose at least one file to send to the flow.');
    }

    if ($errors === []) {
        try {
            $jobId = client()->jobs()->submit($flow, $files, $params, 'web:' . current_user()['login']);
            audit('job.submit', 'job #' . $jobId, 'flow ' . $flow . ', ' . tn(count($files), '{n} file', '{n} files'));
            flash('success', t('Job #{id} queued', ['id' => $jobId]));
            if (wants_json()) {
                send_json(['location' => url('job', ['id' => $jobId])]);
            }
            redirect(url('job', ['id' => $jobId]));
        } catch (\Throwable $err) {
            if (!is_core_error($err)) {
                throw $err;
            }
            error_log('relais web: submit to flow "' . $flow . '" failed: ' . $err->getMessage());
            $errors[] = submit_error($flow, $err);
        }
    }
    if ($errors !== []) {
        if ($files !== [] || $fileErrors !== []) {
            $errors[] = t('For safety the browser does not keep chosen files: choose them again.');
        }
        $status = 422;
    }
}

render('run', [
    'title'      => t('Run a flow'),
    'flows'      => $enabled,
    'flow'       => $flow,
    'paramsText' => $paramsText,
    'errors'     => $errors,
    'maxUpload'  => (string)ini_get('upload_max_filesize'),
    'maxFiles'   => (int)ini_get('max_file_uploads'),
], $status);

/** @return list<string> problems with the chosen flow */
function check_flow(string $flow, array $flows): array
{
    if ($flow === '') {
        return [t('Choose a flow to run.')];
    }
    foreach ($flows as $f) {
        if ((string)$f['name'] === $flow) {
            return empty($f['enabled']) ? [t('The flow "{flow}" is disabled; enable it before running it.', ['flow' => $flow])] : [];
        }
    }
    // When the list failed to load, let the core decide.
    return $flows === [] ? [] : [t('There is no flow named "{flow}".', ['flow' => $flow])];
}

/**
 * "key=value" lines to an array. Blank lines and lines starting with # are skipped.
 * @return array{0: array<string, string>, 1: list<string>}
 */
function parse_params(string $text): array
{
    $params = [];
    $errors = [];
    foreach (preg_split('/\r\n|\r|\n/', $text) as $i => $line) {
        $line = trim($line);
        if ($line === '' || $line[0] === '#') {
            continue;
        }
        $n = $i + 1;
        $eq = strpos($line, '=');
        if ($eq === false) {
            $errors[] = t('Parameters, line {n}: "{line}" is not of the form key=value.', ['n' => $n, 'line' => $line]);
            continue;
        }
        $key = trim(substr($line, 0, $eq));
        $value = trim(substr($line, $eq + 1));
        if (!preg_match('/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/', $key)) {
            $errors[] = t('Parameters, line {n}: "{key}" is not a valid key (letters, digits, "_", "." and "-", starting with a letter or "_").', ['n' => $n, 'key' => $key]);
        } elseif (array_key_exists($key, $params)) {
            $errors[] = t('Parameters, line {n}: the key "{key}" is given twice.', ['n' => $n, 'key' => $key]);
        } else {
            $params[$key] = $value;
        }
    }
    return [$params, $errors];
}

/**
 * The files of a multiple file input as ['original name' => temporary path].
 * @return array{0: array<string, string>, 1: list<string>}
 */
function uploaded_files(string $field): array
{
    $input = $_FILES[$field] ?? null;
    if (!is_array($input) || !isset($input['name'])) {
        return [[], []];
    }
    $names = (array)$input['name'];
    $files = [];
    $errors = [];
    foreach ($names as $i => $name) {
        $name = trim((string)$name);
        $error = (int)(((array)$input['error'])[$i] ?? UPLOAD_ERR_NO_FILE);
        $tmp = (string)(((array)$input['tmp_name'])[$i] ?? '');
        $size = (int)(((array)$input['size'])[$i] ?? 0);
        if ($error === UPLOAD_ERR_NO_FILE && $name === '') {
            continue; // the empty input of a form sent without a file
        }
        // Document names come from the user's machine: no control characters, no path.
        $name = preg_replace('/[\x00-\x1f\x7f]/u', '', basename(str_replace('\\', '/', $name))) ?? '';
        $label = $name === '' ? t('number {n}', ['n' => (int)$i + 1]) : '"' . $name . '"';
        $problem = match ($error) {
            UPLOAD_ERR_OK => null,
            UPLOAD_ERR_INI_SIZE, UPLOAD_ERR_FORM_SIZE => t('is larger than this server accepts (upload_max_filesize = {max})', ['max' => ini_get('upload_max_filesize')]),
            UPLOAD_ERR_PARTIAL => t('arrived only in part; send it again'),
            UPLOAD_ERR_NO_FILE => t('was not received'),
            default => t('could not be stored by the web server (PHP upload error {code})', ['code' => $error]),
        };
        if ($problem === null && $name === '') {
            $problem = t('has no name');
        } elseif ($problem === null && $size === 0) {
            $problem = t('is empty');
        } elseif ($problem === null && !is_uploaded_file($tmp)) {
            $problem = t('was not received as an upload');
        } elseif ($problem === null && array_key_exists($name, $files)) {
            $problem = t('is chosen twice (two documents of a job cannot share a name)');
        }
        if ($problem !== null) {
            $errors[] = t('File {label} {problem}.', ['label' => $label, 'problem' => $problem]);
            continue;
        }
        $files[$name] = $tmp;
    }
    return [$files, $errors];
}

function submit_error(string $flow, \Throwable $err): string
{
    if (is_core_exception($err, \Relais\NotFoundException::class)) {
        return core_error(t('The flow "{flow}" could not be found', ['flow' => $flow]), $err);
    }
    if (is_core_exception($err, \Relais\ValidationException::class)) {
        return core_error(t('The flow "{flow}" refused this job', ['flow' => $flow]), $err);
    }
    return core_error(t('Could not queue a job for the flow "{flow}"', ['flow' => $flow]), $err);
}
