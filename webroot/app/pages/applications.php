<?php
/**
 * The partner applications of the SOAP services (docs/soap-services.md): who may call
 * /ws/pa and /ws/exchange, and how each proves it (a TLS client certificate, found by
 * its fingerprint, or a user name and a secret made here and shown once). Changing them
 * needs user.manage (the dispatcher checks); every change is audited.
 */
declare(strict_types=1);

namespace Relais\Web;

defined('RELAIS_WEB') || exit;

const APPLICATION_CERT_MAX_BYTES = 64 * 1024;
const APPLICATION_SERVICES = ['pa', 'exchange'];

$directory = new \Relais\Ws\Directory(client());
$errors = [];
$status = 200;

if (request_method() === 'POST') {
    $name = param('name', 'post');
    $do = param('do', 'post');
    try {
        if ($do === 'save') {
            $services = array_values(array_intersect(APPLICATION_SERVICES, (array)($_POST['services'] ?? [])));
            $user = param('username', 'post');
            $directory->saveApplication($name, $services, $user === '' ? null : $user, param('enabled', 'post') === '1');
            audit('application.save', 'application ' . $name, 'services: ' . implode(',', $services));
            flash('success', t('Application "{name}" saved.', ['name' => $name]));
        } elseif ($do === 'secret') {
            $secret = $directory->newApplicationSecret($name);
            audit('application.secret', 'application ' . $name);
            flash('info', t('The new secret of "{name}" is {secret} — copy it now, it will not be shown again.', ['name' => $name, 'secret' => $secret]));
        } elseif ($do === 'certificate') {
            $directory->setApplicationCertificate($name, uploaded_application_certificate());
            audit('application.certificate', 'application ' . $name);
            flash('success', t('Certificate of "{name}" saved.', ['name' => $name]));
        } elseif ($do === 'remove-certificate') {
            $directory->setApplicationCertificate($name, '');
            audit('application.certificate.remove', 'application ' . $name);
            flash('success', t('Certificate of "{name}" removed.', ['name' => $name]));
        } elseif ($do === 'remove') {
            $directory->removeApplication($name);
            audit('application.remove', 'application ' . $name);
            flash('success', t('Application "{name}" removed.', ['name' => $name]));
        } else {
            throw new Refused(t('Unknown action.'));
        }
        redirect(url('applications'));
    } catch (\Throwable $err) {
        if (!$err instanceof Refused && !is_core_error($err)) {
            throw $err;
        }
        $errors[] = $err->getMessage();
        $status = 422;
    }
}

$applications = $directory->applications();
// ?edit=NAME fills the form with that application, so that a change keeps what it does not touch.
$editing = null;
foreach ($applications as $a) {
    if ($a['name'] === param('edit', 'get')) {
        $editing = $a;
    }
}

render('applications', [
    'title'        => t('Partner applications'),
    'applications' => $applications,
    'editing'      => $editing,
    'services'     => APPLICATION_SERVICES,
    'errors'       => $errors,
], $status);

/** The bytes of the uploaded certificate (PEM or DER, at most APPLICATION_CERT_MAX_BYTES). */
function uploaded_application_certificate(): string
{
    $file = $_FILES['certificate'] ?? null;
    if (!is_array($file) || ($file['error'] ?? UPLOAD_ERR_NO_FILE) !== UPLOAD_ERR_OK || !is_uploaded_file((string)$file['tmp_name'])) {
        throw new Refused(t('Choose a certificate file (PEM or DER).'));
    }
    if ((int)$file['size'] > APPLICATION_CERT_MAX_BYTES) {
        throw new Refused(t('A certificate file is at most {max}; this one is {size}.', ['max' => fmt_size(APPLICATION_CERT_MAX_BYTES), 'size' => fmt_size((int)$file['size'])]));
    }
    return (string)file_get_contents((string)$file['tmp_name']);
}
