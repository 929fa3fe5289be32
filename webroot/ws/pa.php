<?php
/**
 * /ws/pa: the ViaTrajectoire PA dossier services (CreerDossierPA,
 * ConsulterDossierPA, GenererJetonSecuritePA), WSDL at /ws/pa?wsdl.
 * See docs/soap-services.md; the service is Relais\Ws\PaService (the core).
 */
declare(strict_types=1);

require __DIR__ . '/lib/endpoint.php';

Relais\Ws\Endpoint\serve(__DIR__ . '/pa.wsdl', 'urn:relais:viatrajectoire:pa', 1 << 20,
    fn (Relais\Client $client, array $caller) => new Relais\Ws\PaService($client, $caller));
