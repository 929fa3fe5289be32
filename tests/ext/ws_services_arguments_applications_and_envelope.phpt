--TEST--
Relais\Ws: PaService and Envelope refuse bad arguments (TypeError/ValueError); Envelope::check passes a SOAP 1.2 request and answers a fault for a DTD; Directory saves applications (unknown service refused by field), makes secrets only for a user name, refuses a non-certificate, will not remove an application with dossiers; a call without credential is code 100
--SKIPIF--
<?php require __DIR__ . '/setup.inc'; relais_test_skipif(); ?>
--FILE--
<?php
require __DIR__ . '/setup.inc';
$env = relais_test_env(__FILE__);
$client = $env->client();
$dir = new Relais\Ws\Directory($client);
$show = function (callable $try): void {
    try {
        $r = $try();
        echo 'ok ', is_string($r) ? strlen($r) . ' characters' : json_encode($r, JSON_UNESCAPED_UNICODE), "\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
};
$show(fn () => new Relais\Ws\PaService($client, ['certificate' => 'x']));
$show(fn () => new Relais\Ws\PaService($client, ['username' => 42]));
$show(fn () => Relais\Ws\Envelope::check('<x/>', 'text/xml', 0, 'urn:x'));
$body = '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><p:Op xmlns:p="urn:x"/></e:Body></e:Envelope>';
$show(fn () => Relais\Ws\Envelope::check($body, 'application/soap+xml', 1000, 'urn:x'));
$fault = Relais\Ws\Envelope::check('<!DOCTYPE e>' . $body, 'application/soap+xml', 1000, 'urn:x');
echo $fault['status'], ' ', $fault['content_type'], ' ', $fault['reason'], "\n";

$show(fn () => $dir->saveApplication('portail', ['pa', 'fax']));
try {
    $dir->saveApplication('portail', ['fax']);
} catch (Relais\ValidationException $e) {
    echo json_encode($e->getErrors()), "\n";
}
$app = $dir->saveApplication('portail', ['exchange', 'pa'], 'portail-user');
echo $app['name'], ' ', implode(',', $app['services']), ' ', $app['username'], ' ', var_export($app['has_secret'], true), "\n";
$show(fn () => $dir->newApplicationSecret('portail'));
$show(fn () => $dir->saveApplication('certonly', ['pa']));
$show(fn () => $dir->newApplicationSecret('certonly'));
$show(fn () => $dir->setApplicationCertificate('certonly', 'not a certificate'));
$show(fn () => $dir->application('nobody'));

$anonymous = new Relais\Ws\PaService($client, ['tls' => true]);
echo json_encode($anonymous->CreerDossierPA(null), JSON_UNESCAPED_UNICODE), "\n";
$secret = $dir->newApplicationSecret('portail');
$service = new Relais\Ws\PaService($client, ['tls' => true, 'username' => 'portail-user', 'password' => $secret]);
$r = $service->CreerDossierPA((object)['CreationDossier' => (object)['IdLocal' => 'u', 'Demandeur' => (object)[
    'Civilite' => (object)['Code' => 'M'], 'NomNaissance' => 'Durand', 'Prenom' => 'Paul', 'DateNaissance' => '1945-05-08',
    'Mail' => 'p@example.fr', 'Adresse' => (object)['NumeroVoie' => '2', 'TypeVoie' => 'place', 'LibelleVoie' => 'Bellecour',
        'CodePostal' => (object)['Code' => '69002'], 'Localite' => (object)['Code' => '69382']]]]]);
echo $r['Response']['CodeRetour']['Code'], ' ', $dir->dossierCount(), "\n";
$show(fn () => $dir->removeApplication('portail'));
$show(fn () => $dir->removeApplication('certonly'));
echo count($dir->applications()), "\n";
?>
--CLEAN--
<?php require __DIR__ . '/setup.inc'; relais_test_clean(__FILE__); ?>
--EXPECTF--
ValueError: Relais\Ws\PaService::__construct(): Argument #2 ($caller) has an unknown key "certificate" (known keys: "tls", "client_certificate", "username", "password")
TypeError: Relais\Ws\PaService::__construct(): Argument #2 ($caller) value of "username" must be of type ?string, int given
ValueError: Relais\Ws\Envelope::check(): Argument #3 ($maxBytes) must be greater than 0
ok null
400 application/soap+xml; charset=utf-8 a SOAP message must not contain a document type declaration or entity declarations
Relais\ValidationException: partner application 'portail': services unknown service 'fax' (known: pa, exchange)
[{"field":"services","message":"unknown service 'fax' (known: pa, exchange)"}]
portail pa,exchange portail-user false
ok 36 characters
ok {"id":2,"name":"certonly","services":["pa"],"cert_sha256":null,"username":null,"has_secret":false,"enabled":true,"created_at":"%s"}
Relais\ConflictException: the application 'certonly' has no user name to give a secret to
Relais\ValidationException: certificate of the application 'certonly': the file is neither a PEM nor a DER X.509 certificate
Relais\NotFoundException: unknown partner application 'nobody'
{"Response":{"CodeRetour":{"Code":"100","Message":"Application non autorisée"}}}
999 1
Relais\ConflictException: the application 'portail' has dossiers: disable it instead of removing it
ok null
1
