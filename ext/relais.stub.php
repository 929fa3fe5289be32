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

    /** An unknown flow, job, user or file. */
    class NotFoundException extends Exception {}

    /** The core refused the request: bad value, disabled flow, duplicate. */
    class InvalidArgumentException extends Exception {}

    /** The database (or another server) cannot be reached; retry later. */
    class UnavailableException extends Exception {}

    /**
     * A connection to Relais: one configuration file, one database connection.
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

        public function jobs(): Jobs {}

        public function flows(): Flows {}

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
         * Submits a job; returns its id. $files: paths; a string key is the
         * document name, an int key means the path's basename. $params: string
         * names to string values. $submittedBy: who submitted, e.g. "web:<login>".
         */
        public function submit(string $flow, array $files = [], array $params = [], ?string $submittedBy = null): int {}

        /** One job with its steps, documents and log. */
        public function get(int $id): array {}

        /** Jobs newest first. $filter keys: 'status', 'flow'; $limit 1 to 10000. */
        public function list(array $filter = [], int $limit = 50): array {}
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
    }

    /**
     * Admin site users. Obtained from Client::users().
     *
     * @strict-properties
     * @not-serializable
     */
    final class Users
    {
        /** ['login' => string, 'role' => string] when the password matches, else null. */
        public function authenticate(string $login, #[\SensitiveParameter] string $password): ?array {}
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
