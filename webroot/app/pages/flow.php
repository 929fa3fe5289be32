<?php
/**
 * One flow: its definition (a version, the current one by default), the editor with the
 * core's validation errors next to the fields, enable/disable, the version history and a
 * diff between two versions. POST do=save|enable needs flow.edit (the dispatcher checks).
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

$name = param('name', 'get');
$isNew = $name === '' && param('new', 'get') === '1';
$flows = client()->flows();
$text = null;
$errors = [];
$status = 200;

if (request_method() === 'POST') {
    $do = param('do', 'post');
    if ($do === 'enable' && $name !== '') {
        $on = param('enabled', 'post') === '1';
        $flows->enable($name, $on);
        audit($on ? 'flow.enable' : 'flow.disable', 'flow ' . $name);
        flash('success', $on ? t('Flow "{name}" is enabled.', ['name' => $name]) : t('Flow "{name}" is disabled: it takes no new job.', ['name' => $name]));
        redirect(url(param('back', 'post') === 'flow' ? 'flow' : 'flows', param('back', 'post') === 'flow' ? ['name' => $name] : []));
    }
    if ($do === 'save') {
        $text = (string)($_POST['definition'] ?? '');
        try {
            $version = $flows->save($text);
            $savedName = (string)(json_decode($text, true)['name'] ?? $name);
            audit('flow.save', 'flow ' . $savedName . ' v' . $version);
            flash('success', t('Flow "{name}" saved as version {version}.', ['name' => $savedName, 'version' => $version]));
            redirect(url('flow', ['name' => $savedName]));
        } catch (\Relais\ValidationException $err) {
            $errors = $err->getErrors();
            if ($errors === []) {
                $errors = [['field' => '', 'message' => $err->getMessage()]];
            }
            $status = 422;
        }
    }
}

$flow = null;
$versions = [];
if (!$isNew) {
    if ($name === '') {
        redirect(url('flows'));
    }
    $version = id_param('version', 'get');
    try {
        $flow = $flows->get($name, $version);
        $versions = $flows->versions($name);
    } catch (\Relais\NotFoundException $err) {
        render('error', ['title' => t('Flow not found'), 'heading' => t('Flow not found'),
            'message' => $err->getMessage(), 'back' => url('flows')], 404);
    }
}

// The diff of two versions (?from=&to=), by default the viewed version against the one before.
$diff = null;
$diffErrors = [];
$from = id_param('from', 'get');
$to = id_param('to', 'get');
if ($flow !== null && $from !== null && $to !== null) {
    $diff = try_core(fn () => $flows->diff($name, $from, $to), t('Could not compare the versions'), $diffErrors);
}

// The editor holds the submitted text after a refusal (pretty-printed when it parses,
// so that the lines shown with the errors are the editor's lines), else the definition.
$decoded = $text !== null ? json_decode($text) : null;
if ($decoded !== null) {
    $text = json_encode($decoded, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
} elseif ($text === null) {
    // The core's own text: an empty "with": {} stays an object, keys come sorted.
    $text = $flow !== null
        ? rtrim($flows->export($name, (int)$flow['version']))
        : "{\n  \"description\": \"\",\n  \"name\": \"\",\n  \"steps\": [],\n  \"trigger\": {\"type\": \"manual\"}\n}";
}

render('flow', [
    'title'      => $isNew ? t('New flow') : t('Flow {name}', ['name' => $name]),
    'name'       => $name,
    'flow'       => $flow,
    'versions'   => $versions,
    'text'       => $text,
    'lines'      => $errors !== [] && $decoded !== null ? json_lines($decoded) : [],
    'errors'     => $errors,
    'diff'       => $diff,
    'diffErrors' => $diffErrors,
    'from'       => $from,
    'to'         => $to,
], $status);
