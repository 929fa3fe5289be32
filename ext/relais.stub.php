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

        /** One job with its steps, documents and log. */
        public function get(int $id): array {}

        /**
         * Jobs newest first: ['rows' => [...], 'next' => ?string]. $filter
         * keys: status, flow, partner, from, to ('YYYY-MM-DD[ HH:MM[:SS]]',
         * UTC), text (a document name prefix); $cursor: the 'next' of the
         * page before. $limit 1 to 10000.
         */
        public function list(array $filter = [], int $limit = 50, ?string $cursor = null): array {}

        /** A job's log lines, oldest first. */
        public function logs(int $id, int $limit = 500): array {}

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

        /** The current definition as pretty-printed JSON. */
        public function export(string $name): string {}
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
        /** ['login' => string, 'role' => string] when the password matches an enabled user, else null. */
        public function authenticate(string $login, #[\SensitiveParameter] string $password): ?array {}

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
         * $filter keys: login, action (exact, or a family ending with '.').
         */
        public function auditLog(array $filter = [], int $limit = 100, ?string $cursor = null): array {}
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
         * required), 'type' (invoice|delivery|order), 'from', 'to' (dates),
         * 'customer' (CT_Num), 'one_file' (bool), 'charset'. Returns the
         * report: 'documents', 'exported', 'files', 'warnings'.
         */
        public function export(array $criteria): array {}
    }
}
