<?php
/**
 * The admin site's Web services pages through the real Apache: the PA dossier list and
 * a dossier read-only (a markup name shown as text), the partner applications page (an
 * administrator adds one; without the CSRF token, or as a viewer, nothing changes).
 * Logs in as the users soap.sh made ($SOAP_ADMIN_LOGIN / $SOAP_VIEWER_LOGIN, password
 * $SOAP_WEB_PASSWORD).
 * Usage: php -d extension=relais.so admin_client.php HTTPS_BASE HTTP_BASE PKI_DIR
 */
declare(strict_types=1);

require __DIR__ . '/lib.php';

[, , $http] = $argv;
$site = "$http/index.php";
$relais = new Relais\Client();
$dir = new Relais\Ws\Directory($relais);
$run = bin2hex(random_bytes(3));

/** A browser session of one user: GET and POST with its cookie. */
final class Session
{
    private string $cookie = '';

    public function __construct(private string $site) {}

    /** [status, location, body] */
    public function request(string $query, ?array $form = null): array
    {
        $opts = ['http' => ['method' => $form === null ? 'GET' : 'POST', 'ignore_errors' => true, 'follow_location' => 0,
            'header' => implode("\r\n", array_filter(['Cookie: ' . $this->cookie,
                $form === null ? '' : 'Content-Type: application/x-www-form-urlencoded'])),
            'content' => $form === null ? '' : http_build_query($form)]];
        $body = (string)@file_get_contents("$this->site?$query", false, stream_context_create($opts));
        $status = 0;
        $location = '';
        foreach ($http_response_header ?? [] as $h) {
            if (preg_match('#^HTTP/\S+ (\d+)#', $h, $m)) $status = (int)$m[1];
            if (stripos($h, 'Location:') === 0) $location = trim(substr($h, 9));
            if (preg_match('/^Set-Cookie: (RELAISSESSID=[^;]+)/i', $h, $m)) $this->cookie = $m[1];
        }
        return [$status, $location, $body];
    }

    public function csrf(string $query): string
    {
        [, , $body] = $this->request($query);
        preg_match('/name="_csrf" value="([^"]+)"/', $body, $m);
        return $m[1] ?? '';
    }

    public function logIn(string $login, string $password): void
    {
        $token = $this->csrf('page=login');
        [$status] = $this->request('page=login', ['_csrf' => $token, 'login' => $login, 'password' => $password]);
        expect_same(303, $status, "login of $login");
    }
}

$password = (string)getenv('SOAP_WEB_PASSWORD');
$admin = new Session($site);
$admin->logIn((string)getenv('SOAP_ADMIN_LOGIN'), $password);
$viewer = new Session($site);
$viewer->logIn((string)getenv('SOAP_VIEWER_LOGIN'), $password);

// A dossier whose name holds markup, created through the service.
$dir->saveApplication("admin-test-$run", ['pa'], "admin-test-$run");
$service = new Relais\Ws\PaService($relais, ['tls' => true, 'username' => "admin-test-$run",
    'password' => $dir->newApplicationSecret("admin-test-$run")]);
$markup = '<b>Dupré</b>';
$created = $service->CreerDossierPA(json_decode(json_encode(['CreationDossier' => ['IdLocal' => 'u', 'Demandeur' => [
    'Civilite' => ['Code' => 'M'], 'NomNaissance' => $markup, 'Prenom' => 'Luc', 'DateNaissance' => '1940-01-01',
    'Mail' => 'luc@example.fr', 'Adresse' => ['NumeroVoie' => '1', 'TypeVoie' => 'rue', 'LibelleVoie' => 'Haute',
        'CodePostal' => ['Code' => '75001'], 'Localite' => ['Code' => '75101']]]]])));
$id = $created['Response']['IdDossier'] ?? null;

t('admin_dossier_list_and_page_show_markup_as_text', function () use ($viewer, $id, $markup) {
    expect(is_int($id), 'the dossier was created');
    [$status, , $body] = $viewer->request('page=dossiers&q=' . rawurlencode($markup));
    expect_same(200, $status, 'list status');
    expect(str_contains($body, 'data-dossier="' . $id . '"'), 'the dossier is listed');
    expect(str_contains($body, htmlspecialchars($markup)) && !str_contains($body, $markup), 'the name is escaped');
    [$status, , $body] = $viewer->request("page=dossier&id=$id");
    expect_same(200, $status, 'dossier status');
    expect(str_contains($body, 'Luc') && str_contains($body, htmlspecialchars($markup)), 'the dossier page');
    [$status] = $viewer->request('page=dossier&id=999999999');
    expect_same(404, $status, 'an unknown dossier');
});

t('admin_adds_an_application_with_csrf_viewer_and_forged_posts_change_nothing', function () use ($admin, $viewer, $dir, $run) {
    $names = fn () => array_column($dir->applications(), 'name');
    [$status] = $admin->request('page=applications', ['do' => 'save', 'name' => "forged-$run", 'services' => ['pa'], 'enabled' => '1']);
    expect_same(403, $status, 'no CSRF token');
    $token = $viewer->csrf('page=applications');
    [$status] = $viewer->request('page=applications', ['_csrf' => $token, 'do' => 'save', 'name' => "viewer-$run", 'services' => ['pa'], 'enabled' => '1']);
    expect_same(403, $status, 'a viewer');
    expect(!in_array("forged-$run", $names(), true) && !in_array("viewer-$run", $names(), true), 'nothing created');
    $token = $admin->csrf('page=applications');
    [$status] = $admin->request('page=applications', ['_csrf' => $token, 'do' => 'save', 'name' => "portail-$run",
        'services' => ['pa', 'exchange'], 'username' => "portail-$run", 'enabled' => '1']);
    expect_same(303, $status, 'saved');
    expect_same(['pa', 'exchange'], $dir->application("portail-$run")['services'], 'services');
    [$status] = $admin->request('page=applications', ['_csrf' => $token, 'do' => 'secret', 'name' => "portail-$run"]);
    [, , $body] = $admin->request('page=applications');
    expect(preg_match('/The new secret of|Le nouveau secret de/', $body) === 1, 'the secret is shown once');
    [, , $body] = $admin->request('page=applications');
    expect(preg_match('/The new secret of|Le nouveau secret de/', $body) === 0, 'and not again');
    expect(str_contains($body, 'data-application="portail-' . $run . '"'), 'listed');
});
