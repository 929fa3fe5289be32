<?php
/**
 * The ViaTrajectoire PA services through the real Apache, with PHP's
 * SoapClient built from the served WSDL: every operation, every return code
 * of the seed's 3.3.1 provoked, both SOAP versions, both credentials
 * (password over TLS, client certificate), and hostile requests each answered
 * with a SOAP Fault (or its code) and nothing written.
 * Usage: php -d extension=relais.so pa_client.php HTTPS_BASE HTTP_BASE PKI_DIR
 */
declare(strict_types=1);

require __DIR__ . '/lib.php';

[, $https, $http, $pki] = $argv;
$wsdl = "$https/ws/pa?wsdl";
$endpoint = "$https/ws/pa";
const NS = 'urn:relais:viatrajectoire:pa';

$relais = new Relais\Client();
$dir = new Relais\Ws\Directory($relais);
$run = bin2hex(random_bytes(3));

// The partner applications of this run: A by password and by certificate, B
// by password, C allowed only the exchange service.
$dir->saveApplication("portail-a-$run", ['pa'], "portail-a-$run");
$secretA = $dir->newApplicationSecret("portail-a-$run");
$dir->saveApplication("portail-a-cert-$run", ['pa']);
$dir->setApplicationCertificate("portail-a-cert-$run", (string)file_get_contents("$pki/card.pem"));
// Leave the test CA's card free for other tests, whatever happens.
register_shutdown_function(fn () => $dir->setApplicationCertificate("portail-a-cert-$run", ''));
$dir->saveApplication("portail-b-$run", ['pa'], "portail-b-$run");
$secretB = $dir->newApplicationSecret("portail-b-$run");
$dir->saveApplication("echange-$run", ['exchange'], "echange-$run");
$secretC = $dir->newApplicationSecret("echange-$run");
$loginA = ["portail-a-$run", $secretA];
$loginB = ["portail-b-$run", $secretB];

function nomenclature(string $code, string $oid, ?string $display = null): array
{
    $n = ['Code' => $code, 'CodeSystem' => $oid];
    if ($display !== null) $n['DisplayName'] = $display;
    return $n;
}

function adresse(): array
{
    return [
        'NumeroVoie' => '12', 'TypeVoie' => 'rue', 'LibelleVoie' => 'des Lilas',
        'CodePostal' => nomenclature('69003', '1.2.250.1.214.2.45'),
        'Localite' => nomenclature('69383', '1.2.250.1.213.2.23', 'Lyon 3e'),
    ];
}

function demande(string $idLocal = 'usager-1', array $change = []): array
{
    $d = [
        'Civilite' => nomenclature('MME', '1.2.250.1.213.1.6.1.69'),
        'NomNaissance' => 'Dupont',
        'Prenom' => 'Hélène',
        'DateNaissance' => '1938-04-12',
        'Adresse' => adresse(),
        'Mail' => 'helene.dupont@example.fr',
        'PaysNaissance' => nomenclature('99100', '1.2.250.1.213.2.24', 'France'),
        'NumSecu' => '185057800608491',
        'ContacteurDemandeur' => true,
        'Contacts' => ['Contact' => [[
            'NomNaissance' => 'Dupont', 'Prenom' => 'Marc', 'Mail' => 'marc@example.fr',
            'Type' => ['Nomenclature' => [nomenclature('0', 'TypeContactPA'), nomenclature('1', 'TypeContactPA')]],
        ]]],
        'AutresDonnees' => ['Parametre' => [['Cle' => 'portail', 'Valeur' => 'CD69']]],
    ];
    $req = ['Demandeur' => array_replace_recursive($d, $change['Demandeur'] ?? []), 'IdLocal' => $idLocal];
    foreach ($change['unset'] ?? [] as $key) unset($req['Demandeur'][$key]);
    if (isset($change['Etablissements'])) $req['Etablissements'] = ['Etablissement' => $change['Etablissements']];
    return ['CreationDossier' => $req];
}

function code($response): string
{
    return $response->Response->CodeRetour->Code;
}

$soap12 = soap_client($wsdl, SOAP_1_2, ssl_options($pki), $loginA);
$count = fn () => $dir->dossierCount();
$created = [];

// Each failing creation: its code, and nothing written.
$refused = function (array $request, string $code, string $messagePart = '') use ($soap12, $count) {
    $before = $count();
    $r = $soap12->CreerDossierPA($request);
    expect_same($code, code($r), 'Code (' . $r->Response->CodeRetour->Message . ')');
    expect(!isset($r->Response->IdDossier), 'no IdDossier with an error');
    if ($messagePart !== '') {
        expect(str_contains($r->Response->CodeRetour->Message, $messagePart),
            "message names '$messagePart': " . $r->Response->CodeRetour->Message);
    }
    expect_same($before, $count(), 'dossiers in the database');
};

t('pa_wsdl_is_served_with_this_servers_address', function () use ($https, $pki) {
    [$status, $type, $body] = http("$https/ws/pa?wsdl", null, [], ssl_options($pki));
    expect_same(200, $status, 'status');
    expect(str_contains($type, 'text/xml'), "content type $type");
    expect(str_contains($body, "location=\"$https/ws/pa\""), 'the addresses are this server\'s');
    expect(!str_contains($body, 'relais.example'), 'no placeholder left');
    [$status] = http("$https/ws/pa.wsdl", null, [], ssl_options($pki));
    expect_same(403, $status, 'the file itself is not served');
});

t('pa_soapclient_sees_the_operations_and_types', function () use ($soap12) {
    $functions = implode("\n", $soap12->__getFunctions());
    foreach (['CreerDossierPA', 'ConsulterDossierPA', 'GenererJetonSecuritePA'] as $op) {
        expect(str_contains($functions, $op), "$op in __getFunctions()");
    }
    $types = implode("\n", $soap12->__getTypes());
    foreach (['Demandeur', 'Adresse', 'DemandeEtablissement', 'Etablissement', 'Nomenclature', 'Contact',
              'CodeRetour', 'Dossier', 'CreationDossierRequest', 'AccesDossierRequest', 'Dictionnaire'] as $t) {
        expect(str_contains($types, "struct $t {"), "type $t");
    }
});

t('pa_999_creer_dossier_soap12_password', function () use ($soap12, $count, &$created) {
    $before = $count();
    $r = $soap12->CreerDossierPA(demande('usager-1', ['Etablissements' => [['NumFINISS' => '750712184', 'RaisonSociale' => 'AP-HP']]]));
    expect_same('999', code($r), 'Code');
    expect_same('Succès', $r->Response->CodeRetour->Message, 'Message');
    expect(is_int($r->Response->IdDossier) && $r->Response->IdDossier > 0, 'IdDossier');
    expect(str_contains($soap12->__getLastRequest(), 'http://www.w3.org/2003/05/soap-envelope'), 'a SOAP 1.2 request');
    expect_same($before + 1, $count(), 'one dossier more');
    $created['a'] = (string)$r->Response->IdDossier;
});

t('pa_999_same_person_twice_makes_two_dossiers', function () use ($soap12, $count, &$created) {
    $before = $count();
    $r = $soap12->CreerDossierPA(demande('usager-1'));
    expect_same('999', code($r), 'Code');
    expect((string)$r->Response->IdDossier !== $created['a'], 'a new dossier (no duplicate detection, seed 3.1.1)');
    expect_same($before + 1, $count(), 'one dossier more');
});

t('pa_999_creer_dossier_soap11_binding', function () use ($wsdl, $pki, $loginB, &$created) {
    $soap11 = soap_client($wsdl, SOAP_1_1, ssl_options($pki), $loginB);
    $r = $soap11->CreerDossierPA(demande('usager-b'));
    expect_same('999', code($r), 'Code');
    expect(str_contains($soap11->__getLastRequest(), 'http://schemas.xmlsoap.org/soap/envelope/'), 'a SOAP 1.1 request');
    $created['b'] = (string)$r->Response->IdDossier;
});

t('pa_999_client_certificate_credential', function () use ($wsdl, $pki, &$created) {
    $byCert = soap_client($wsdl, SOAP_1_2, ssl_options($pki, 'card'));
    $r = $byCert->CreerDossierPA(demande('usager-cert'));
    expect_same('999', code($r), 'Code');
    $created['cert'] = (string)$r->Response->IdDossier;
});

t('pa_999_consulter_dossier_returns_what_was_created', function () use ($soap12, &$created) {
    $r = $soap12->ConsulterDossierPA(['ListeDossier' => ['AccesDossierRequest' => [
        ['IdDossier' => $created['a'], 'IdLocal' => 'usager-1']]]]);
    $one = $r->Response->ConsulterDossierPAResponse[0];
    expect_same('999', $one->CodeRetour->Code, 'Code');
    expect_same($created['a'], $one->IdDossier, 'IdDossier');
    $d = $one->Dossier;
    expect_same('Hélène', $d->Demandeur->Prenom, 'Prenom');
    expect_same('1938-04-12', $d->Demandeur->DateNaissance, 'DateNaissance');
    expect_same('Lyon 3e', $d->Demandeur->Adresse->Localite->DisplayName, 'Localite DisplayName');
    expect_same('Marc', $d->Demandeur->Contacts->Contact[0]->Prenom, 'contact');
    expect_same(2, count($d->Demandeur->Contacts->Contact[0]->Type->Nomenclature), 'contact types');
    expect_same('CD69', $d->Demandeur->AutresDonnees->Parametre[0]->Valeur, 'AutresDonnees');
    expect_same('NON_ENVOYEE', $d->StatutDossier, 'StatutDossier');
    $demande = $d->DemandesEtablissement->DemandeEtablissement[0];
    expect_same('750712184', $demande->Etablissement->NumFINISS, 'the establishment kept as a demand');
    expect_same('NonRenseigne', $demande->TypeHebergement, 'TypeHebergement');
    expect_same(false, $d->EstAnnule, 'EstAnnule');
});

t('pa_consulter_answers_each_dossier_460_110_490_200', function () use ($soap12, &$created) {
    $r = $soap12->ConsulterDossierPA(['ListeDossier' => ['AccesDossierRequest' => [
        ['IdDossier' => $created['a'], 'IdLocal' => 'usager-1'],
        ['IdDossier' => '987654321', 'IdLocal' => 'usager-1'],
        ['IdDossier' => $created['b'], 'IdLocal' => 'usager-b'],
        ['IdDossier' => $created['a'], 'IdLocal' => 'quelqu-un-d-autre'],
        ['IdDossier' => 'abc', 'IdLocal' => 'usager-1'],
        ['IdDossier' => $created['a'], 'IdLocal' => ''],
    ]]]);
    $codes = array_map(fn ($x) => $x->CodeRetour->Code, $r->Response->ConsulterDossierPAResponse);
    expect_same(['999', '460', '110', '110', '490', '200'], $codes, 'codes in order');
    $r4 = $r->Response->ConsulterDossierPAResponse[4]->CodeRetour->Message;
    expect_same("Format incorrect d'un paramètre en entrée : 'IdDossier'", $r4, '490 names the parameter');
    expect(!isset($r->Response->ConsulterDossierPAResponse[1]->Dossier), 'no dossier with 460');
});

t('pa_consulter_whole_call_fails_with_one_response', function () use ($soap12, $wsdl, $pki) {
    $r = $soap12->ConsulterDossierPA(['ListeDossier' => []]);
    expect_same(1, count($r->Response->ConsulterDossierPAResponse), 'one response');
    expect_same('200', $r->Response->ConsulterDossierPAResponse[0]->CodeRetour->Code, 'Code');
    $stranger = soap_client($wsdl, SOAP_1_2, ssl_options($pki), ['inconnu', 'mauvais']);
    $r = $stranger->ConsulterDossierPA(['ListeDossier' => ['AccesDossierRequest' => [['IdDossier' => '1', 'IdLocal' => 'x'], ['IdDossier' => '2', 'IdLocal' => 'x']]]]);
    expect_same(1, count($r->Response->ConsulterDossierPAResponse), 'one response');
    expect_same('100', $r->Response->ConsulterDossierPAResponse[0]->CodeRetour->Code, 'Code');
});

t('pa_999_jeton_works_once_within_30_seconds', function () use ($soap12, $dir, &$created) {
    $r = $soap12->GenererJetonSecuritePA(['Dossier' => ['IdDossier' => $created['a'], 'IdLocal' => 'usager-1']]);
    expect_same('999', code($r), 'Code');
    $token = $r->Response->JetonSecurite;
    expect(preg_match('/^[0-9a-f]{64}$/', $token) === 1, 'a 256-bit token');
    expect_same((int)$created['a'], $dir->redeemToken($token), 'the token opens the dossier');
    expect_same(null, $dir->redeemToken($token), 'but only once');
    $r = $soap12->GenererJetonSecuritePA(['Dossier' => ['IdDossier' => $created['a'], 'IdLocal' => 'usager-1']]);
    $late = $r->Response->JetonSecurite;
    test_mysqli()->query('UPDATE vt_jeton SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE used_at IS NULL');
    expect_same(null, $dir->redeemToken($late), 'an expired token opens nothing');
});

t('pa_jeton_redirect_shows_the_dossier_read_only_once', function () use ($soap12, $https, $http, $pki, &$created) {
    $token = $soap12->GenererJetonSecuritePA(['Dossier' => ['IdDossier' => $created['a'], 'IdLocal' => 'usager-1']])->Response->JetonSecurite;
    $get = function (string $url, array $headers = []) use ($pki): array {
        $opts = ['http' => ['method' => 'GET', 'header' => implode("\r\n", $headers), 'ignore_errors' => true, 'follow_location' => 0],
                 'ssl' => ssl_options($pki)];
        $body = @file_get_contents($url, false, stream_context_create($opts));
        $status = 0; $location = ''; $cookie = '';
        foreach ($http_response_header ?? [] as $h) {
            if (preg_match('#^HTTP/\S+ (\d+)#', $h, $m)) $status = (int)$m[1];
            if (stripos($h, 'Location:') === 0) $location = trim(substr($h, 9));
            if (stripos($h, 'Set-Cookie: RELAISSESSID=') === 0) $cookie = explode(';', substr($h, 12))[0];
        }
        return [$status, $location, $cookie, (string)$body];
    };
    // A Location relative to the page that gave it.
    $resolve = fn (string $base, string $page, string $location): string => match (true) {
        str_starts_with($location, 'http') => $location,
        str_starts_with($location, '/') => $base . $location,
        default => $base . dirname($page) . '/' . $location,
    };
    // Plain HTTP: handed over to the admin site's page, which refuses without spending the token.
    [$status, $location] = $get("$http/ws/pa/acces?jeton=$token");
    expect_same(303, $status, 'hand-over');
    [$status] = $get($resolve($http, '/ws/pa/acces', $location));
    expect_same(403, $status, 'HTTPS only');
    [, $location] = $get("$https/ws/pa/acces?jeton=$token");
    [$status, $location, $cookie] = $get($resolve($https, '/ws/pa/acces', $location));
    expect_same(303, $status, 'token spent, then redirected without it (' . $location . ')');
    expect(!str_contains($location, $token), 'the token leaves the address bar');
    [$status, , , $body] = $get($resolve($https, '/index.php', $location), ["Cookie: $cookie"]);
    expect_same(200, $status, 'the dossier page');
    expect(str_contains($body, 'Hélène') && str_contains($body, 'Dupont'), 'the dossier is shown');
    expect(!str_contains($body, '<form method="post"'), 'read-only');
    [$status, , , $body] = $get("$https/index.php?page=dossier-access&jeton=$token");
    expect_same(403, $status, 'a token works once');
    [$status] = $get("$https/index.php?page=dossier&id={$created['a']}", ["Cookie: $cookie"]);
    expect(in_array($status, [302, 303], true), "the token opens no admin page (status $status)");
});

t('pa_jeton_codes_200_460_110_100', function () use ($soap12, $wsdl, $pki, $secretC, $run, &$created) {
    expect_same('200', code($soap12->GenererJetonSecuritePA(['Dossier' => ['IdDossier' => '', 'IdLocal' => 'usager-1']])), '200');
    expect_same('460', code($soap12->GenererJetonSecuritePA(['Dossier' => ['IdDossier' => '987654321', 'IdLocal' => 'usager-1']])), '460');
    expect_same('110', code($soap12->GenererJetonSecuritePA(['Dossier' => ['IdDossier' => $created['b'], 'IdLocal' => 'usager-b']])), '110');
    $exchangeOnly = soap_client($wsdl, SOAP_1_2, ssl_options($pki), ["echange-$run", $secretC]);
    expect_same('100', code($exchangeOnly->GenererJetonSecuritePA(['Dossier' => ['IdDossier' => $created['a'], 'IdLocal' => 'usager-1']])), '100 (service not allowed)');
});

t('pa_100_unknown_or_unproven_applications', function () use ($wsdl, $pki, $loginA, $http, $count, $refused) {
    $before = $count();
    $wrong = soap_client($wsdl, SOAP_1_2, ssl_options($pki), [$loginA[0], $loginA[1] . 'x']);
    expect_same('100', code($wrong->CreerDossierPA(demande())), 'wrong secret');
    $unknownCert = soap_client($wsdl, SOAP_1_2, ssl_options($pki, 'unknown'));
    expect_same('100', code($unknownCert->CreerDossierPA(demande())), 'a verified certificate of no application');
    $anonymous = soap_client($wsdl, SOAP_1_2, ssl_options($pki));
    expect_same('100', code($anonymous->CreerDossierPA(demande())), 'no credential');
    // A password over plain HTTP does not count.
    $plain = soap_client($wsdl, SOAP_1_2, ssl_options($pki), $loginA);
    $plain->__setLocation("$http/ws/pa");
    expect_same('100', code($plain->CreerDossierPA(demande())), 'password over plain HTTP');
    expect_same($before, $count(), 'nothing written');
});

t('pa_020_creer_dossier_old_name', function () use ($soap12) {
    $r = $soap12->CreerDossier(demande());
    expect_same('020', code($r), 'Code');
    expect(str_starts_with($r->Response->CodeRetour->Message, 'Opération non implémentée'), 'Message');
});

t('pa_200_parametre_obligatoire', fn () => $refused(demande(''), '200', 'IdLocal'));
t('pa_201_mail_missing', fn () => $refused(demande('u', ['unset' => ['Mail']]), '201', 'Demandeur.Mail'));
t('pa_201_prenom_blank', fn () => $refused(demande('u', ['Demandeur' => ['Prenom' => '']]), '201', 'Demandeur.Prenom'));
t('pa_202_string_over_its_length', fn () => $refused(demande('u', ['Demandeur' => ['NomNaissance' => str_repeat('é', 51)]]), '202', 'Demandeur.NomNaissance'));
t('pa_202_birth_in_the_future', fn () => $refused(demande('u', ['Demandeur' => ['DateNaissance' => '2999-01-01']]), '202', 'DateNaissance'));
t('pa_203_date_format', fn () => $refused(demande('u', ['Demandeur' => ['DateNaissance' => '1950-02-30']]), '203', 'Demandeur.DateNaissance'));
t('pa_203_mail_format', fn () => $refused(demande('u', ['Demandeur' => ['Mail' => 'pas-un-mail']]), '203', 'Demandeur.Mail'));
t('pa_300_pays_wrong_oid', fn () => $refused(demande('u', ['Demandeur' => ['PaysNaissance' => ['CodeSystem' => '1.2.250.1.213.2.99']]]), '300', 'PaysNaissance'));
t('pa_300_type_contact_unknown', fn () => $refused(demande('u', ['Demandeur' => ['Contacts' => ['Contact' => [['Type' => ['Nomenclature' => [['Code' => '9', 'CodeSystem' => 'TypeContactPA']]]]]]]]), '300', 'Type'));
t('pa_360_civilite_unknown_code_no_fallback', fn () => $refused(demande('u', ['Demandeur' => ['Civilite' => ['Code' => 'MLLE', 'DisplayName' => 'Mademoiselle']]]), '360'));
t('pa_370_type_de_voie', fn () => $refused(demande('u', ['Demandeur' => ['Adresse' => ['TypeVoie' => 'galaxie']]]), '370'));
t('pa_371_code_postal_wrong_oid', fn () => $refused(demande('u', ['Demandeur' => ['Adresse' => ['CodePostal' => ['CodeSystem' => '1.2.250.1.213.2.45']]]]), '371'));
t('pa_372_commune_wrong_oid', fn () => $refused(demande('u', ['Demandeur' => ['Adresse' => ['Localite' => ['CodeSystem' => '1.2.250.1.2013.2.23']]]]), '372'));
t('pa_371_code_postal_not_in_the_list', fn () => $refused(demande('u', ['Demandeur' => ['Adresse' => ['CodePostal' => ['Code' => '69990']]]]), '371', 'CodePostal.Code'));
t('pa_372_commune_not_in_the_list', fn () => $refused(demande('u', ['Demandeur' => ['Adresse' => ['Localite' => ['Code' => '69999', 'DisplayName' => null]]]]), '372', 'Localite.Code'));
t('pa_373_departement', fn () => $refused(demande('u', ['Demandeur' => ['Adresse' => ['CodePostal' => ['Code' => '96100']]]]), '373'));
t('pa_431_finess_unknown', fn () => $refused(demande('u', ['Etablissements' => [['NumFINISS' => '750712185']]]), '431', 'NumFINISS'));

t('pa_999_commune_unknown_code_falls_back_to_display_name', function () use ($soap12) {
    $r = $soap12->CreerDossierPA(demande('u', ['Demandeur' => ['Adresse' => ['Localite' => ['Code' => 'ZZZ', 'DisplayName' => 'Thrévans']]]]));
    expect_same('999', code($r), 'Code');
});

t('pa_999_postal_code_not_in_the_list_falls_back_to_display_name', function () use ($soap12) {
    $r = $soap12->CreerDossierPA(demande('u', ['Demandeur' => ['Adresse' => ['CodePostal' => ['Code' => '69990', 'DisplayName' => '69990 Lyon']]]]));
    expect_same('999', code($r), 'Code');
});

t('pa_000_database_failure_writes_nothing', function () use ($refused) {
    $db = test_mysqli();
    $db->query('RENAME TABLE vt_demande TO vt_demande_away');
    try {
        $refused(demande('u', ['Etablissements' => [['NumFINISS' => '750712184']]]), '000');
    } finally {
        $db->query('RENAME TABLE vt_demande_away TO vt_demande');
    }
});

// ------------------------------------------------------------ hostile requests

$auth = basic($loginA[0], $loginA[1]);
$ssl = ssl_options($pki);
$validBody = function (string $nom = 'Dupont') use ($soap12): string {
    $soap12->CreerDossierPA(demande('raw', ['Demandeur' => ['NomNaissance' => $nom]]));
    return $soap12->__getLastRequest();
};
$template = $validBody();
$soap12ct = 'Content-Type: application/soap+xml; charset=utf-8';

// A hostile request: a SOAP Fault with this HTTP status and code, nothing written.
$hostile = function (string $body, array $headers, int $status, string $code, string $reasonPart) use ($endpoint, $ssl, $count) {
    $before = $count();
    [$got, , $response] = http($endpoint, $body, $headers, $ssl);
    expect_same($status, $got, 'HTTP status');
    $fault = soap_fault($response);
    expect($fault !== null, 'a SOAP Fault, got: ' . substr($response, 0, 300));
    expect(str_ends_with($fault[0], $code), "fault code $code, got {$fault[0]}");
    expect(str_contains($fault[1], $reasonPart), "reason mentions '$reasonPart': {$fault[1]}");
    expect(!str_contains($response, 'root:'), 'no file content leaked');
    expect_same($before, $count(), 'nothing written');
};

t('hostile_the_template_request_itself_is_accepted', function () use ($endpoint, $template, $auth, $soap12ct, $ssl) {
    [$status, , $body] = http($endpoint, $template, [$soap12ct, $auth], $ssl);
    expect_same(200, $status, 'status');
    expect(str_contains($body, '<ns1:Code>999</ns1:Code>'), 'code 999: ' . substr($body, 0, 300));
});

t('hostile_malformed_xml', fn () => $hostile(substr($template, 0, -40), [$soap12ct, $auth], 400, 'Sender', 'malformed XML'));
t('hostile_wrong_namespace', fn () => $hostile(str_replace(NS, 'urn:relais:autre', $template), [$soap12ct, $auth], 400, 'Sender', 'namespace'));
t('hostile_xml_external_entity', fn () => $hostile(
    '<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>' .
    str_replace('>Dupont<', '>&x;<', preg_replace('/^<\?xml[^>]*>/', '', $template)),
    [$soap12ct, $auth], 400, 'Sender', 'document type declaration'));
t('hostile_billion_laughs', function () use ($hostile, $template, $soap12ct, $auth) {
    $dtd = '<!DOCTYPE lolz [<!ENTITY lol "lol">';
    for ($i = 1; $i <= 9; $i++) {
        $dtd .= "<!ENTITY lol$i \"" . str_repeat('&lol' . ($i > 1 ? $i - 1 : '') . ';', 10) . '">';
    }
    $dtd .= ']>';
    $hostile('<?xml version="1.0"?>' . $dtd . str_replace('>Dupont<', '>&lol9;<', preg_replace('/^<\?xml[^>]*>/', '', $template)),
        [$soap12ct, $auth], 400, 'Sender', 'document type declaration');
});
t('hostile_20_mb_body', fn () => $hostile(preg_replace('/>Dupont</', '>' . str_repeat('x', 20 << 20) . '<', $template, 1),
    [$soap12ct, $auth], 413, 'Sender', 'larger than 1048576 bytes'));
t('hostile_missing_body', fn () => $hostile('', [$soap12ct, $auth], 400, 'Sender', 'no body'));
t('hostile_soap_11_header_on_a_soap_12_envelope', fn () => $hostile($template,
    ['Content-Type: text/xml; charset=utf-8', 'SOAPAction: "urn:relais:viatrajectoire:pa/CreerDossierPA"', $auth],
    500, 'VersionMismatch', 'the envelope is SOAP 1.2'));
t('hostile_unknown_media_type', fn () => $hostile($template, ['Content-Type: application/json', $auth], 415, 'Client', 'Content-Type'));
t('hostile_invalid_utf8', fn () => $hostile(str_replace('>Dupont<', ">Dup\xC3\x28nt<", $template), [$soap12ct, $auth], 400, 'Sender', 'not valid UTF-8'));
t('hostile_over_long_string_is_202', function () use ($endpoint, $template, $auth, $soap12ct, $ssl, $count) {
    $before = $count();
    [$status, , $body] = http($endpoint, str_replace('>Dupont<', '>' . str_repeat('A', 5000) . '<', $template), [$soap12ct, $auth], $ssl);
    expect_same(200, $status, 'status');
    expect(str_contains($body, '<ns1:Code>202</ns1:Code>'), 'code 202: ' . substr($body, 0, 400));
    expect_same($before, $count(), 'nothing written');
});
t('hostile_ws_security_header_must_understand_is_a_fault', fn () => $hostile(str_replace('<env:Body>',
    '<env:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" env:mustUnderstand="true"/></env:Header><env:Body>',
    $template), [$soap12ct, $auth], 500, 'MustUnderstand', 'Header not understood'));
t('hostile_get_without_wsdl_is_405', function () use ($endpoint, $ssl) {
    [$status] = http($endpoint, null, [], $ssl);
    expect_same(405, $status, 'status');
});

// Failures are the "not ok" lines; a non-zero exit means the driver itself died.
