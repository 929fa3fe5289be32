<?php
/**
 * One partner: its form (code, name, GLN, SIRET, notes, contacts) with the core's errors
 * next to the fields, enable/disable, its EDIFACT settings (syntax level, separators,
 * test indicator, UNB recipient: checked by the core, errors next to their fields), and
 * its certificates: upload (PEM or DER, kept by the core, never under the web root),
 * expiry with a warning 30 days ahead, removal.
 * POST needs partner.edit (the dispatcher checks).
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const CERTIFICATE_MAX_BYTES = 64 * 1024;
const BLANK_CONTACT_ROWS = 2;

$partners = client()->partners();
$code = param('code', 'get');
$isNew = $code === '';
$errors = [];      // field => message
$edifactErrors = [];  // field => message, of the EDIFACT form
$general = [];     // messages not about one field
$form = null;
$edifactForm = null;
$status = 200;

if (request_method() === 'POST') {
    $do = param('do', 'post');
    try {
        if ($do === 'save') {
            $form = partner_from_post();
            $saved = $partners->save($form);
            audit($isNew ? 'partner.create' : 'partner.update', 'partner ' . $saved['code']);
            flash('success', t('Partner "{code}" saved.', ['code' => $saved['code']]));
            redirect(url('partner', ['code' => $saved['code']]));
        }
        if ($isNew) {
            throw new Refused(t('Save the partner first.'));
        }
        if ($do === 'enable') {
            $on = param('enabled', 'post') === '1';
            $partners->enable($code, $on);
            audit($on ? 'partner.enable' : 'partner.disable', 'partner ' . $code);
            flash('success', $on ? t('Partner "{code}" is enabled.', ['code' => $code]) : t('Partner "{code}" is disabled.', ['code' => $code]));
        } elseif ($do === 'edifact') {
            $edifactForm = edifact_from_post();
            $saved = $partners->saveEdifact($code, $edifactForm);
            audit('partner.edifact', 'partner ' . $code, $saved['syntax_level'] . ' ' . ($saved['separators'] === '' ? 'default separators' : 'UNA' . $saved['separators'])
                . ($saved['test'] ? ' test' : '') . ($saved['unb_id'] !== null ? ' to ' . $saved['unb_id'] . ':' . $saved['unb_qualifier'] : ''));
            flash('success', t('EDIFACT settings of "{code}" saved.', ['code' => $code]));
        } elseif ($do === 'certificate') {
            $cert = $partners->addCertificate($code, uploaded_certificate(), 'web:' . current_user()['login']);
            audit('partner.certificate.add', 'partner ' . $code, $cert['subject'] . ' / ' . $cert['serial'] . ' / ' . $cert['not_after']);
            flash('success', t('Certificate "{subject}" added; it ends on {date}.', ['subject' => $cert['subject'], 'date' => fmt_time($cert['not_after'])]));
        } elseif ($do === 'remove-certificate') {
            $id = id_param('certificate', 'post') ?? throw new Refused(t('No certificate was named.'));
            $partners->removeCertificate($code, $id);
            audit('partner.certificate.remove', 'partner ' . $code, 'certificate #' . $id);
            flash('success', t('Certificate removed.'));
        } else {
            throw new Refused(t('Unknown action.'));
        }
        redirect(url('partner', ['code' => $code]));
    } catch (\Relais\ValidationException $err) {
        // Problems of a field go next to it; a problem without a field (a file that is
        // no certificate) is said at the top.
        foreach ($err->getErrors() as $e) {
            if ($e['field'] === '') {
                $general[] = $e['message'];
            } elseif ($do === 'edifact') {
                $edifactErrors[$e['field']] = $e['message'];
            } else {
                $errors[$e['field']] = $e['message'];
            }
        }
        $status = 422;
    } catch (\Throwable $err) {
        if (!$err instanceof Refused && !is_core_error($err)) {
            throw $err;
        }
        $general[] = $err->getMessage();
        $status = 422;
    }
}

$partner = null;
if (!$isNew) {
    try {
        $partner = $partners->get($code);
    } catch (\Relais\NotFoundException $err) {
        render('error', ['title' => t('Partner not found'), 'heading' => t('Partner not found'),
            'message' => $err->getMessage(), 'back' => url('partners')], 404);
    }
}
$form ??= $partner ?? ['code' => '', 'name' => '', 'gln' => null, 'siret' => null, 'notes' => '', 'enabled' => true, 'contacts' => []];
$edifact = $partner !== null ? $partners->edifact($code) : null;
if ($edifact !== null && $edifactForm !== null) {
    $edifactForm += $edifact;  // what was typed, with the counter and state as stored
}
for ($i = 0; $i < BLANK_CONTACT_ROWS; $i++) {
    $form['contacts'][] = ['name' => '', 'email' => '', 'phone' => '', 'role' => ''];
}

render('partner', [
    'title'   => $isNew ? t('New partner') : t('Partner {code}', ['code' => $code]),
    'isNew'   => $isNew,
    'partner' => $partner,
    'form'    => $form,
    'errors'  => $errors,
    'general' => $general,
    'edifact' => $edifactForm ?? $edifact,
    'edifactErrors' => $edifactErrors,
    'maxCert' => CERTIFICATE_MAX_BYTES,
], $status);

/** The partner of the form, as Partners::save() takes it; blank contact rows are dropped. */
function partner_from_post(): array
{
    $contacts = [];
    foreach ((array)($_POST['contacts'] ?? []) as $row) {
        if (!is_array($row)) {
            continue;
        }
        $contact = [];
        foreach (['name', 'email', 'phone', 'role'] as $key) {
            $contact[$key] = is_string($row[$key] ?? null) ? trim($row[$key]) : '';
        }
        if (implode('', $contact) !== '') {
            $contacts[] = $contact;
        }
    }
    $orNull = static fn (string $v): ?string => $v === '' ? null : $v;
    return [
        'code'     => param('code', 'get') !== '' ? param('code', 'get') : param('code', 'post'),
        'name'     => param('name', 'post'),
        'gln'      => $orNull(str_replace(' ', '', param('gln', 'post'))),
        'siret'    => $orNull(str_replace(' ', '', param('siret', 'post'))),
        'notes'    => (string)($_POST['notes'] ?? ''),
        'enabled'  => param('enabled', 'post') !== '0',
        'contacts' => $contacts,
    ];
}

/**
 * The EDIFACT settings of the form, as Partners::saveEdifact() takes them. The separators
 * are not trimmed: a space is one of them (the reserved character, by default).
 */
function edifact_from_post(): array
{
    $separators = $_POST['separators'] ?? '';
    $unbId = param('unb_id', 'post');
    return [
        'syntax_level'  => param('syntax_level', 'post'),
        'separators'    => is_string($separators) ? $separators : '',
        'test'          => param('test', 'post') === '1',
        'unb_id'        => $unbId === '' ? null : $unbId,
        'unb_qualifier' => param('unb_qualifier', 'post'),
    ];
}

/** The bytes of the uploaded certificate file (at most CERTIFICATE_MAX_BYTES). */
function uploaded_certificate(): string
{
    $file = $_FILES['certificate'] ?? null;
    if (!is_array($file) || !is_string($file['tmp_name'] ?? null) || ($file['error'] ?? UPLOAD_ERR_NO_FILE) === UPLOAD_ERR_NO_FILE) {
        throw new Refused(t('Choose a certificate file (PEM or DER).'));
    }
    if ($file['error'] !== UPLOAD_ERR_OK || !is_uploaded_file($file['tmp_name'])) {
        throw new Refused(t('The certificate did not arrive (PHP upload error {code}).', ['code' => $file['error']]));
    }
    if ((int)$file['size'] > CERTIFICATE_MAX_BYTES) {
        throw new Refused(t('A certificate file is at most {max}; this one is {size}.', ['max' => fmt_size(CERTIFICATE_MAX_BYTES), 'size' => fmt_size((int)$file['size'])]));
    }
    return (string)file_get_contents($file['tmp_name']);
}
