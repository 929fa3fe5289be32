<?php
/**
 * The partner exchange service through the real Apache with PHP's SoapClient
 * built from the served WSDL: a document deposited into the demo flow runs on
 * the shared relaisd, its status and documents are followed, a document comes
 * back byte for byte; each refusal has its code and submits nothing.
 * Usage: php -d extension=relais.so exchange_client.php HTTPS_BASE HTTP_BASE PKI_DIR
 */
declare(strict_types=1);

require __DIR__ . '/lib.php';

[, $https, , $pki] = $argv;
$wsdl = "$https/ws/exchange?wsdl";
$relais = new Relais\Client();
$dir = new Relais\Ws\Directory($relais);
$run = bin2hex(random_bytes(3));
$dir->saveApplication("partenaire-x-$run", ['exchange'], "partenaire-x-$run");
$dir->saveApplication("partenaire-y-$run", ['exchange'], "partenaire-y-$run");
$dir->saveApplication("pa-seul-$run", ['pa'], "pa-seul-$run");
$x = soap_client($wsdl, SOAP_1_2, ssl_options($pki), ["partenaire-x-$run", $dir->newApplicationSecret("partenaire-x-$run")]);
$y = soap_client($wsdl, SOAP_1_1, ssl_options($pki), ["partenaire-y-$run", $dir->newApplicationSecret("partenaire-y-$run")]);
$paOnly = soap_client($wsdl, SOAP_1_2, ssl_options($pki), ["pa-seul-$run", $dir->newApplicationSecret("pa-seul-$run")]);
$jobs = $relais->jobs();
$jobCount = fn () => count($jobs->list([], 10000)['rows']);
// Bytes that are not UTF-8 and hold a NUL: base64 carries them unchanged.
$content = "UNA:+.? 'UNB+UNOC:3+X'\x00\xff\xfe fin\n";
$state = [];

function code($r): string { return $r->Response->CodeRetour->Code; }

t('exchange_999_deposer_document_submits_a_job', function () use ($x, $content, &$state) {
    $r = $x->DeposerDocument(['Flux' => 'demo-deposit', 'NomFichier' => "commande-$GLOBALS[run].edi", 'Contenu' => $content,
        'Parametres' => ['Parametre' => [['Cle' => 'partner', 'Valeur' => 'ACME']]]]);
    expect_same('999', code($r), 'Code (' . $r->Response->CodeRetour->Message . ')');
    expect(is_int($r->Response->IdTraitement) && $r->Response->IdTraitement > 0, 'IdTraitement');
    $state['job'] = (string)$r->Response->IdTraitement;
});

t('exchange_999_consulter_statut_follows_the_job_to_its_end', function () use ($x, $jobs, &$state) {
    $deadline = microtime(true) + 60;
    do {
        $r = $x->ConsulterStatut(['IdTraitement' => $state['job']]);
        expect_same('999', code($r), 'Code');
        if (in_array($r->Response->Statut, ['succeeded', 'failed', 'cancelled'], true)) break;
        usleep(200000);
    } while (microtime(true) < $deadline);
    expect_same('succeeded', $r->Response->Statut, 'Statut');
    expect_same('demo-deposit', $r->Response->Flux, 'Flux');
    expect(count($r->Response->Etapes->Etape) >= 1, 'steps');
    expect_same('succeeded', $r->Response->Etapes->Etape[0]->Statut, 'step status');
    $in = array_values(array_filter($r->Response->Documents->Document, fn ($d) => $d->Sens === 'entree'));
    expect_same(1, count($in), 'one input document');
    $state['doc'] = (string)$in[0]->IdDocument;
    expect_same('ws:partenaire-x-' . $GLOBALS['run'], $jobs->get((int)$state['job'])['submitted_by'] ?? null, 'submitted by the application');
});

t('exchange_999_recuperer_document_byte_for_byte', function () use ($x, $content, &$state) {
    $r = $x->RecupererDocument(['IdDocument' => $state['doc']]);
    expect_same('999', code($r), 'Code');
    expect_same($content, $r->Response->Contenu, 'content');
    expect_same("commande-$GLOBALS[run].edi", $r->Response->NomFichier, 'file name');
});

t('exchange_110_another_applications_job_and_document', function () use ($y, &$state) {
    expect_same('110', code($y->ConsulterStatut(['IdTraitement' => $state['job']])), 'job');
    expect_same('110', code($y->RecupererDocument(['IdDocument' => $state['doc']])), 'document');
});

t('exchange_refusals_submit_nothing', function () use ($x, $paOnly, $jobCount) {
    $before = $jobCount();
    expect_same('202', code($x->DeposerDocument(['Flux' => 'no-such-flow', 'NomFichier' => 'a.txt', 'Contenu' => 'x'])), 'unknown flow');
    expect_same('200', code($x->DeposerDocument(['Flux' => 'demo-deposit', 'NomFichier' => '', 'Contenu' => 'x'])), 'no file name');
    expect_same('203', code($x->DeposerDocument(['Flux' => 'demo-deposit', 'NomFichier' => '../etc/passwd', 'Contenu' => 'x'])), 'a path');
    expect_same('100', code($paOnly->DeposerDocument(['Flux' => 'demo-deposit', 'NomFichier' => 'a.txt', 'Contenu' => 'x'])), 'service not allowed');
    expect_same($before, $jobCount(), 'no job submitted');
});

t('exchange_460_490_unknown_or_malformed_ids', function () use ($x) {
    expect_same('460', code($x->ConsulterStatut(['IdTraitement' => '999999999'])), 'job');
    expect_same('460', code($x->RecupererDocument(['IdDocument' => '999999999'])), 'document');
    expect_same('490', code($x->ConsulterStatut(['IdTraitement' => 'abc'])), 'job id');
    expect_same('200', code($x->RecupererDocument(['IdDocument' => ''])), 'empty document id');
});

// Failures are the "not ok" lines; a non-zero exit means the driver itself died.
