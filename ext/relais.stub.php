<?php

/**
 * The PHP API of the relais extension: a thin binding over the Relais C++
 * core. Run gen_stub.php on this file to regenerate relais_arginfo.h
 * (see /work/shared/reference/toolchain-notes.md for the offline recipe).
 *
 * Wrong argument types and values raise TypeError / ValueError; failures of
 * the core raise Relais\Exception or one of its subclasses.
 *
 * @generate-class-entries
 */

namespace Relais {

    /** Any failure reported by the core (configuration, I/O, internal). */
    class Exception extends \RuntimeException {}

    /** An unknown flow, job, document or user. */
    class NotFoundException extends Exception {}

    /** The input was refused: getErrors() lists each problem with its field path. */
    class ValidationException extends Exception
    {
        /** @var array<int, array{field: string, message: string}> */
        private array $errors = [];

        /** @return array<int, array{field: string, message: string}> */
        public function getErrors(): array {}
    }

    /** The database (or another server) cannot be reached; retry later. */
    class ConnectionException extends Exception {}

    /** The request does not fit the current state (retry of a running job, a disabled flow, a duplicate). */
    class ConflictException extends Exception {}

    /**
     * A connection to Relais: one configuration file, one database
     * connection, kept for the life of the PHP process and shared by every
     * Client opened on the same file.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Client
    {
        /** null: the relais.config ini setting, else $RELAIS_CONFIG, else /etc/relais/relais.ini */
        public function __construct(?string $configFile = null) {}

        /** The configuration file this client was opened with. */
        public function configFile(): string {}

        /** True when the database answers (reconnecting if the server had closed the connection). */
        public function ping(): bool {}

        /** The version of Relais (core and extension). */
        public function version(): string {}

        public function jobs(): Jobs {}

        public function flows(): Flows {}

        public function nodes(): Nodes {}

        public function users(): Users {}

        public function partners(): Partners {}

        /**
         * The Sage 100 connector configured in the [sage] section of the
         * configuration file (docs/sage100.md), connected. $options: connector
         * settings over the file's ('domain', 'document_type', ...; not 'dsn',
         * 'user' nor 'password'). Relais\NotFoundException when the file has
         * no [sage] section.
         */
        public function sage(array $options = []): Sage\Connector {}

        /**
         * The Sage 100 export folder of the [sage] section (export_dir):
         * export runs, the latest runs and their files, one file to read.
         * Relais\NotFoundException when the file has no [sage] section,
         * Relais\Exception when export_dir is not set.
         */
        public function sageExports(): Sage\Exports {}

        /**
         * Every setting in use, section => key => value, with the defaults
         * filled in and secrets (passwords, keys, tokens) shown as "***".
         */
        public function settings(): array {}

        /**
         * The system page's facts: 'version', 'database_version',
         * 'database', 'checks' (each name, found, expected, level: ok, warn
         * or fail) and 'disk' ('store' and 'software', each path,
         * total_bytes, free_bytes, used_bytes). $softwarePath: where Relais
         * is installed (default "/").
         */
        public function system(?string $softwarePath = null): array {}

        /** The content store's file system: path, total_bytes, free_bytes, used_bytes. */
        public function storeUsage(): array {}

        /**
         * The MSSanté API LPS/DUI deployment proof (docs/transfers.md), as
         * `relais mssante-proof` makes it, through the [transfer] settings:
         * ['text' => the proof for a .txt file, 'imap_starttls',
         * 'smtp_starttls', 'imap_complete', 'smtp_complete' => bool,
         * 'problem' => '' or why a listing is incomplete]. $producedBy: who
         * or what asked, written in the proof's header. A bad host name or
         * port raises Relais\ValidationException naming the field (fqdn,
         * imap_port, smtp_port); a server that cannot be reached is no
         * exception: its listing says so and 'problem' names it.
         */
        public function mssanteProof(string $fqdn, int $imapPort = 143, int $smtpPort = 587, string $producedBy = "extension PHP"): array {}
    }

    /**
     * The job queue. Obtained from Client::jobs().
     *
     * @strict-properties
     * @not-serializable
     */
    final class Jobs
    {
        /**
         * Submits a job; returns its id. $files: each a path (a string key
         * is the document name, an int key means the path's basename) or an
         * upload ['name' => string, 'content' => string]. $params: string
         * names to string values. $submittedBy: who, e.g. "web:<login>".
         */
        public function submit(string $flow, array $files = [], array $params = [], ?string $submittedBy = null): int {}

        /**
         * Submits many jobs at once, all or none, in one transaction; returns
         * their ids in the order given. Each submission is ['flow' => string,
         * 'files' => array, 'params' => array], 'files' and 'params' optional
         * and as for submit(). At most 10,000 submissions; an error names the
         * submission ([i]) and no job is written.
         */
        public function submitMany(array $submissions, ?string $submittedBy = null): array {}

        /**
         * One job with its steps, documents and log: 'log' holds the newest
         * 1,000 lines (oldest first), 'log_total' counts them all and
         * 'log_next' is the logPage() cursor of the older ones (null: none).
         * $withLog false leaves the three out (for a caller of logPage()).
         */
        public function get(int $id, bool $withLog = true): array {}

        /**
         * Jobs newest first: ['rows' => [...], 'next' => ?string]. $filter
         * keys: status, flow, partner, from, to ('YYYY-MM-DD[ HH:MM[:SS]]',
         * UTC), text (a document name prefix); $cursor: the 'next' of the
         * page before. $limit 1 to 10000.
         */
        public function list(array $filter = [], int $limit = 50, ?string $cursor = null): array {}

        /** A job's log lines, oldest first. */
        public function logs(int $id, int $limit = 500): array {}

        /**
         * A page of a job's log, the newest lines first: ['rows' => [...]
         * (oldest first), 'total' => the job's lines at $level on every page,
         * 'next' => ?string (the $cursor of the page of older lines; null on
         * the oldest)]. $level: debug, info, warn, error or null for all.
         * $limit 1 to 100000.
         */
        public function logPage(int $id, ?string $level = null, int $limit = 1000, ?string $cursor = null): array {}

        /** A job's input and output documents. */
        public function documents(int $id): array {}

        /**
         * A read-only stream over a document's bytes (never loaded into memory).
         * @return resource
         */
        public function readDocument(int $documentId) {}

        public function cancel(int $id, ?string $by = null): void {}

        public function pause(int $id, ?string $by = null): void {}

        public function resume(int $id, ?string $by = null): void {}

        /** Runs a failed or cancelled job again, from the step that failed. */
        public function retry(int $id, ?string $by = null): void {}

        /**
         * Cancels many jobs (at most 10000), each on its own:
         * ['done' => [id, ...], 'refused' => [id => message, ...]].
         * @param int[] $ids
         */
        public function cancelMany(array $ids, ?string $by = null): array {}

        /**
         * Retries many jobs (at most 10000), each on its own, as cancelMany().
         * @param int[] $ids
         */
        public function retryMany(array $ids, ?string $by = null): array {}

        /** One document: id, job_id, name, size, sha256, direction, step. */
        public function document(int $documentId): array {}

        /**
         * What the first $maxBytes bytes (1 to 1048576) of a document show:
         * ['kind' => 'edifact'|'text'|'binary', 'encoding' => string,
         * 'lines' => [...], 'truncated' => bool]. EDIFACT comes one segment
         * per line.
         */
        public function preview(int $documentId, int $maxBytes = 65536): array {}

        /**
         * The flows with the most jobs created in the last $hours hours that
         * failed, most first: each flow, failed, total.
         */
        public function failuresByFlow(int $hours = 24, int $limit = 5): array {}

        /** The newest job of each flow: flow name => id, status, created_at, finished_at. */
        public function lastJobByFlow(): array {}

        /** Jobs in flight by status, and jobs per hour over the last $hours hours. */
        public function stats(int $hours = 24): array {}
    }

    /**
     * Stored flows. Obtained from Client::flows().
     *
     * @strict-properties
     * @not-serializable
     */
    final class Flows
    {
        /** The current version of every flow, by name. */
        public function list(): array {}

        /** One flow (the current version, or $version) with its definition. */
        public function get(string $name, ?int $version = null): array {}

        /** Every version of a flow, newest first, with its definition. */
        public function versions(string $name): array {}

        /**
         * Saves a definition (JSON text or a decoded array) as the flow's
         * next version; returns the version (the current one when nothing
         * changed). Relais\ValidationException lists every problem.
         */
        public function save(string|array $definition): int {}

        public function enable(string $name, bool $on = true): void {}

        /** The definition (the current version, or $version) as pretty-printed JSON, keys sorted. */
        public function export(string $name, ?int $version = null): string {}

        /**
         * The line diff of two versions' pretty-printed definitions: each
         * line ['op' => ' '|'-'|'+', 'text', 'old_line', 'new_line'].
         */
        public function diff(string $name, int $fromVersion, int $toVersion): array {}
    }

    /**
     * The engine nodes sharing the database. Obtained from Client::nodes().
     *
     * @strict-properties
     * @not-serializable
     */
    final class Nodes
    {
        /** Every node with 'alive' (heartbeat younger than the lease), by name. */
        public function list(): array {}
    }

    /**
     * Admin site users and the audit log. Obtained from Client::users().
     *
     * @strict-properties
     * @not-serializable
     */
    final class Users
    {
        /**
         * ['login' => string, 'role' => string, 'language' => string] when
         * the password matches an enabled user, else null. Wrong passwords
         * in a row ([web] login_max_failures) lock the user for [web]
         * login_lockout_minutes: a locked user gets Relais\ConflictException.
         */
        public function authenticate(string $login, #[\SensitiveParameter] string $password): ?array {}

        /**
         * The enabled user bound to the client certificate Apache verified
         * (SSL_CLIENT_S_DN, SSL_CLIENT_M_SERIAL), as authenticate(), or null.
         */
        public function authenticateCertificate(string $subject, string $serial): ?array {}

        /** Binds a client certificate to a user; empty subject and serial unbind it. */
        public function bindCertificate(string $login, string $subject, string $serial): void {}

        /** "fr" or "en". */
        public function setLanguage(string $login, string $language): void {}

        /** Ends a lockout after failed logins. */
        public function unlock(string $login): void {}

        /** The roles, most powerful first. */
        public function roles(): array {}

        /** What $role may do, e.g. ["view", "job.run", "job.control", ...]; empty for an unknown role. */
        public function permissions(string $role): array {}

        public function list(): array {}

        public function get(string $login): array {}

        /** $role: admin, operator or viewer. */
        public function create(string $login, #[\SensitiveParameter] string $password, string $role = "viewer"): array {}

        public function setPassword(string $login, #[\SensitiveParameter] string $password): void {}

        public function setRole(string $login, string $role): void {}

        public function enable(string $login, bool $on = true): void {}

        /** Appends to the audit log. */
        public function audit(string $login, string $action, string $target = "", ?string $details = null, ?string $clientIp = null): void {}

        /**
         * Audit entries newest first: ['rows' => [...], 'next' => ?string].
         * $filter keys: login, action (exact, or a family ending with '.'),
         * from and to ('YYYY-MM-DD[ HH:MM[:SS]]', UTC; to takes the whole
         * day or minute it names).
         */
        public function auditLog(array $filter = [], int $limit = 100, ?string $cursor = null): array {}
    }

    /**
     * Partners: who Relais exchanges with, their identifiers (GLN, SIRET),
     * contacts and certificates. Obtained from Client::partners().
     *
     * @strict-properties
     * @not-serializable
     */
    final class Partners
    {
        /**
         * Every partner by code, with its contacts and the counts
         * certificates_expiring and certificates_expired.
         */
        public function list(): array {}

        /**
         * One partner with its contacts and certificates (each with
         * days_left and state: valid, expiring within 30 days, expired).
         */
        public function get(string $code): array {}

        /**
         * Creates the partner or updates the one with its code: ['code',
         * 'name', 'gln' => ?string, 'siret' => ?string, 'notes' => ?string,
         * 'enabled' => bool, 'contacts' => [['name', 'email', 'phone',
         * 'role'], ...]] (contacts replace the old ones). Returns the partner.
         * Relais\ValidationException lists every problem by field (gln,
         * siret, contacts[1].email...).
         */
        public function save(array $partner): array {}

        public function enable(string $code, bool $on = true): void {}

        /** Adds an X.509 certificate (PEM or DER bytes) to the partner; returns it. */
        public function addCertificate(string $code, string $certificate, ?string $by = null): array {}

        public function removeCertificate(string $code, int $certificateId): void {}

        /** Certificates of enabled partners that end within $days days (or have ended), soonest first. */
        public function expiringCertificates(int $days = 30): array {}

        /**
         * The partner's EDIFACT settings (docs/edifact.md): ['syntax_level'
         * => 'UNOC', 'separators' => '' (six characters in UNA order, '' for
         * the defaults), 'test' => bool, 'unb_id' => ?string (the UNB
         * recipient when not its GLN), 'unb_qualifier' => '14',
         * 'next_reference' => int, 'stored' => bool (false: the defaults)].
         */
        public function edifact(string $code): array {}

        /**
         * Sets the partner's EDIFACT settings: the keys of edifact() but
         * next_reference and stored, those left out taking their defaults;
         * returns them. Relais\ValidationException lists every problem by
         * field (syntax_level, separators, unb_id, unb_qualifier).
         */
        public function saveEdifact(string $code, array $settings): array {}
    }
}

namespace Relais\Sage {

    /**
     * The Sage 100 connector over ODBC (docs/sage100.md): imports pivot
     * files into Sage Gestion Commerciale 100 and exports its documents as
     * pivot files. One object holds one ODBC connection.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Connector
    {
        /**
         * Connects. $dsn: an ODBC data source name or a whole connection
         * string; $user/$password: else the DSN's own. $options: connector
         * settings (docs/sage100.md), e.g. 'generic_customer',
         * 'generic_item', 'prices', 'document_type', 'own_gln'.
         */
        public function __construct(string $dsn, ?string $user = null, #[\SensitiveParameter] ?string $password = null, array $options = []) {}

        /**
         * Imports every document of a pivot file. Returns the report:
         * 'documents' (each with 'number', 'status' imported|existing|failed,
         * 'piece', 'third_party', 'lines', 'error'...), 'imported',
         * 'existing', 'failed' counts and 'warnings'.
         */
        public function import(string $pivotFile): array {}

        /**
         * Exports the documents not exported yet. $criteria: 'out' (folder,
         * required), 'domain' (sales|purchases), 'type' (invoice, credit_note,
         * delivery or order, or several separated by commas), 'from', 'to'
         * (dates), 'customer' (CT_Num), 'one_file' (bool), 'charset'. Returns the
         * report: 'documents', 'exported', 'files', 'warnings'.
         */
        public function export(array $criteria): array {}
    }

    /**
     * The admin site's Sage 100 exports (docs/sage100.md, section 5): each
     * export runs into a folder of its own, RUN = YYYYMMDD-HHMMSS-xxxxxxxx,
     * of [sage] export_dir, and a file is read by its run and name only.
     * Obtained from Client::sageExports().
     *
     * @strict-properties
     * @not-serializable
     */
    final class Exports
    {
        /** The export folder ([sage] export_dir). */
        public function folder(): string {}

        /**
         * Exports with the [sage] section's connector into a new run folder.
         * $criteria: those of Connector::export() but 'out'. Returns the
         * report with 'run' first; 'files' and each document's 'file' are
         * names in the run's folder. A run that exported nothing leaves no
         * folder.
         */
        public function run(array $criteria = []): array {}

        /**
         * The $limit (1 to 1000) newest runs holding files, newest first:
         * [['run' => RUN, 'files' => [NAME, ...]], ...].
         */
        public function latest(int $limit = 10): array {}

        /**
         * A read-only stream over the file $file of the run $run. A name
         * that is not one (a path, ".."), a symbolic link or what is not a
         * regular file is a Relais\ValidationException; a run or file that
         * does not exist a Relais\NotFoundException.
         * @return resource
         */
        public function open(string $run, string $file) {}
    }
}

namespace Relais\Ws {

    /**
     * The ViaTrajectoire PA dossier services (docs/soap-services.md), the
     * object PHP's SoapServer serves at /ws/pa with webroot/ws/pa.wsdl: each
     * method is an operation of the WSDL, takes the request as SoapServer
     * decoded it and returns the response wrapper's content (['Response' =>
     * ...]) with its CodeRetour. The caller is checked on every call.
     *
     * @strict-properties
     * @not-serializable
     */
    final class PaService
    {
        /**
         * $caller: what the transport knows: 'tls' (bool, HTTPS),
         * 'client_certificate' (PEM, only when Apache verified it),
         * 'username' and 'password' (HTTP Basic).
         */
        public function __construct(\Relais\Client $client, array $caller = []) {}

        public function CreerDossierPA(mixed $request = null): array {}

        public function ConsulterDossierPA(mixed $request = null): array {}

        public function GenererJetonSecuritePA(mixed $request = null): array {}

        /** The operation's name before version 0.5 of the specification: code 020. */
        public function CreerDossier(mixed $request = null): array {}
    }

    /**
     * The partner exchange service served at /ws/exchange with
     * webroot/ws/exchange.wsdl: DeposerDocument (a job of the flow, its id
     * back), ConsulterStatut, RecupererDocument. As PaService, each method
     * is an operation and the caller is checked on every call.
     *
     * @strict-properties
     * @not-serializable
     */
    final class ExchangeService
    {
        /** $caller: as for PaService. */
        public function __construct(\Relais\Client $client, array $caller = []) {}

        public function DeposerDocument(mixed $request = null): array {}

        public function ConsulterStatut(mixed $request = null): array {}

        public function RecupererDocument(mixed $request = null): array {}
    }

    /**
     * Checks of a raw SOAP request before SoapServer reads it: size, media
     * type and SOAP version, UTF-8, no DTD or entity, well-formed XML, one
     * operation in the service's namespace.
     */
    final class Envelope
    {
        /**
         * null when the request may go to SoapServer, else the fault to
         * answer: ['status' => int, 'content_type' => string, 'body' =>
         * string, 'reason' => string].
         */
        public static function check(string $body, string $contentType, int $maxBytes, string $namespace): ?array {}

        /** The fault for a request larger than $maxBytes (not read), as check(). */
        public static function tooLarge(string $contentType, int $maxBytes): array {}

        /**
         * An MTOM request (Content-Type multipart/related) of at most
         * $maxBytes as the plain SOAP message SoapServer reads: ['envelope'
         * => string, 'content_type' => string, 'max_bytes' => int (for
         * check())], or ['fault' => the fault to answer, as check()]; null
         * when the request is not multipart/related.
         */
        public static function unpackMtom(string $body, string $contentType, int $maxBytes): ?array {}
    }

    /**
     * The services' data for the admin site: PA dossiers, partner
     * applications (who may call which service, and how they prove it), and
     * the security tokens' redemption.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Directory
    {
        public function __construct(\Relais\Client $client) {}

        /**
         * Dossiers newest first: ['rows' => [...], 'next' => ?string]; $text
         * filters by birth name prefix.
         */
        public function dossiers(int $limit = 50, ?string $cursor = null, ?string $text = null): array {}

        /** One dossier as ConsulterDossierPA returns it. */
        public function dossier(int $id): array {}

        public function dossierCount(): int {}

        /**
         * Spends a token of GenererJetonSecuritePA: the dossier id when the
         * token is known, unused and younger than 30 seconds, else null.
         */
        public function redeemToken(string $token): ?int {}

        public function applications(): array {}

        public function application(string $name): array {}

        /**
         * Creates or updates an application: $services among "pa",
         * "exchange"; $username for HTTP Basic (a new one voids the secret).
         */
        public function saveApplication(string $name, array $services, ?string $username = null, bool $enabled = true): array {}

        /** Binds a TLS client certificate (PEM or DER) by its fingerprint; "" unbinds it. */
        public function setApplicationCertificate(string $name, string $certificate): array {}

        /** A new secret for the application's user name, returned once. */
        public function newApplicationSecret(string $name): string {}

        public function removeApplication(string $name): void {}
    }
}
