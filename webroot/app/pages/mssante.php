<?php
/**
 * The MSSanté API LPS/DUI deployment proof (docs/transfers.md): the IMAP and SMTP
 * listings the ANS asks for, held by the core (Client::mssanteProof, the same as `relais
 * mssante-proof`), shown escaped with the STARTTLS verdicts, and downloaded as .txt
 * (?download=1: the last proof of this session, byte for byte what was shown).
 * Admins only (system.view, the route): the proof opens connections from the server to
 * the host and ports the form names, a probe of the network no operator needs.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const MSSANTE_PROOF_SESSION_KEY = 'mssante_proof';

if (request_method() === 'GET' && param('download', 'get') !== '') {
    mssante_proof_download();
}

$form = [
    'fqdn'      => param('fqdn', 'post'),
    'imap_port' => request_method() === 'POST' ? param('imap_port', 'post') : '143',
    'smtp_port' => request_method() === 'POST' ? param('smtp_port', 'post') : '587',
];
$errors = [];   // field => message
$general = [];
$proof = null;
$status = 200;

if (request_method() === 'POST') {
    // A port that is no number goes to the core as 0 so that every field is checked in
    // one go; its message then says what was typed.
    $ports = [];
    foreach (['imap_port', 'smtp_port'] as $field) {
        $ports[$field] = preg_match('/^\d{1,5}$/', $form[$field]) ? (int)$form[$field] : 0;
    }
    try {
        $proof = client()->mssanteProof($form['fqdn'], $ports['imap_port'], $ports['smtp_port'],
            'page d\'administration, ' . current_user()['login']);
        $proof += ['fqdn' => $form['fqdn'], 'imap_port' => $ports['imap_port'], 'smtp_port' => $ports['smtp_port'],
            'at' => gmdate('Ymd-His')];
        $_SESSION[MSSANTE_PROOF_SESSION_KEY] = $proof;
        $verdict = static fn (string $what, bool $starttls, bool $complete): string =>
            sprintf('%s STARTTLS %s, listing %s', $what, $starttls ? 'offered' : 'not offered', $complete ? 'complete' : 'incomplete');
        audit('mssante.proof', $form['fqdn'], $verdict('IMAP ' . $ports['imap_port'], $proof['imap_starttls'], $proof['imap_complete'])
            . '; ' . $verdict('SMTP ' . $ports['smtp_port'], $proof['smtp_starttls'], $proof['smtp_complete'])
            . ($proof['problem'] !== '' ? '; ' . $proof['problem'] : ''));
    } catch (\Relais\ValidationException $err) {
        foreach ($err->getErrors() as $e) {
            if (isset($ports[$e['field']]) && $ports[$e['field']] === 0 && $form[$e['field']] !== '0') {
                $e['message'] = t('"{value}" is not a port number (1 to 65535).', ['value' => $form[$e['field']]]);
            }
            if (isset($form[$e['field']])) {
                $errors[$e['field']] = $e['message'];
            } else {
                $general[] = $e['message'];
            }
        }
        $status = 422;
    } catch (\Throwable $err) {
        if (!is_core_error($err)) {
            throw $err;
        }
        $general[] = core_error(t('The proof could not be produced'), $err);
        $status = 500;
    }
} elseif (is_array($_SESSION[MSSANTE_PROOF_SESSION_KEY] ?? null)) {
    $proof = $_SESSION[MSSANTE_PROOF_SESSION_KEY];
    $form = ['fqdn' => $proof['fqdn'], 'imap_port' => (string)$proof['imap_port'], 'smtp_port' => (string)$proof['smtp_port']];
}

render('mssante', [
    'title'   => t('MSSanté deployment proof'),
    'form'    => $form,
    'errors'  => $errors,
    'general' => $general,
    'proof'   => $proof,
], $status);

/** Sends this session's last proof as a text file, or a 404 page when there is none. */
function mssante_proof_download(): never
{
    $proof = $_SESSION[MSSANTE_PROOF_SESSION_KEY] ?? null;
    if (!is_array($proof) || !isset($proof['text'], $proof['fqdn'], $proof['at'])) {
        render('error', ['title' => t('No proof yet'), 'heading' => t('No proof yet'),
            'message' => t('Produce the proof first; its download is offered next to it.'), 'back' => url('mssante')], 404);
    }
    // The host name passed the core's check (letters, digits, hyphens, dots): safe in a header.
    $file = 'preuve-mssante-' . $proof['fqdn'] . '-' . $proof['at'] . '.txt';
    header('Content-Type: text/plain; charset=utf-8');
    header('Content-Length: ' . strlen($proof['text']));
    header('Content-Disposition: attachment; filename="' . $file . '"');
    header("Content-Security-Policy: default-src 'none'; sandbox");
    audit('mssante.proof.download', $proof['fqdn'], $file);
    echo $proof['text'];
    exit;
}
