<?php
/**
 * /ws/exchange: the partner exchange service (DeposerDocument,
 * ConsulterStatut, RecupererDocument), WSDL at /ws/exchange?wsdl.
 * See docs/soap-services.md; the service is Relais\Ws\ExchangeService (the core).
 */
declare(strict_types=1);

require __DIR__ . '/lib/endpoint.php';

Relais\Ws\Endpoint\serve(__DIR__ . '/exchange.wsdl', 'urn:relais:exchange', 16 << 20,
    fn (Relais\Client $client, array $caller) => new Relais\Ws\ExchangeService($client, $caller));
