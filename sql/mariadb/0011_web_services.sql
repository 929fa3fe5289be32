-- SOAP web services (docs/soap-services.md): the partner applications allowed
-- to call them, and the ViaTrajectoire PA dossiers, their demands and the
-- one-use security tokens. Written and read through the core (engine/ws).

-- A partner application: who calls the services, which services it may call
-- (a comma list: pa, exchange) and its credential: the SHA-256 fingerprint of
-- its TLS client certificate (Apache verifies the chain; the service matches
-- the fingerprint), or a user name and a generated secret, stored as a salted
-- SHA-256 (the secret is 144 random bits, shown once).
CREATE TABLE IF NOT EXISTS ws_application (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    name            VARCHAR(64)     NOT NULL,
    services        VARCHAR(64)     NOT NULL DEFAULT '',
    cert_sha256     CHAR(64)        NULL,
    username        VARCHAR(64)     NULL,
    secret_salt     CHAR(32)        NULL,
    secret_sha256   CHAR(64)        NULL,
    enabled         TINYINT(1)      NOT NULL DEFAULT 1,
    created_at      DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at      DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uq_ws_application_name (name),
    UNIQUE KEY uq_ws_application_cert (cert_sha256),
    UNIQUE KEY uq_ws_application_user (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A PA dossier (CreerDossierPA), owned by the application that created it and
-- tied to its user's local id. No duplicate detection (seed 3.1.1): the same
-- person sent twice makes two dossiers. The Demandeur is kept whole as JSON
-- (the typed structure of engine/ws/pa_types.h); the columns beside it are what
-- lists and searches need.
CREATE TABLE IF NOT EXISTS vt_dossier (
    id                      BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    application_id          BIGINT UNSIGNED NOT NULL,
    id_local                VARCHAR(64)     NOT NULL,
    nom_naissance           VARCHAR(50)     NOT NULL,
    prenom                  VARCHAR(50)     NOT NULL,
    date_naissance          DATE            NOT NULL,
    demandeur               LONGTEXT        NOT NULL,
    statut                  SMALLINT        NOT NULL DEFAULT 1,
    est_annule              TINYINT(1)      NOT NULL DEFAULT 0,
    volet_admin             TINYINT(1)      NOT NULL DEFAULT 0,
    volet_medical           TINYINT(1)      NOT NULL DEFAULT 0,
    volet_autonomie         TINYINT(1)      NOT NULL DEFAULT 0,
    donnees_autres          TEXT            NULL,
    created_at              DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY ix_vt_dossier_application (application_id, id_local),
    CONSTRAINT fk_vt_dossier_application FOREIGN KEY (application_id) REFERENCES ws_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The demands of a dossier to establishments (at most 40 per dossier). The
-- Etablissement is kept whole as JSON.
CREATE TABLE IF NOT EXISTS vt_demande (
    id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    dossier_id          BIGINT UNSIGNED NOT NULL,
    finess              VARCHAR(50)     NOT NULL,
    etablissement       TEXT            NOT NULL,
    statut              SMALLINT        NOT NULL DEFAULT 1,
    est_annule          TINYINT(1)      NOT NULL DEFAULT 0,
    demande_lue         TINYINT(1)      NOT NULL DEFAULT 0,
    date_demande        DATE            NOT NULL,
    type_hebergement    SMALLINT        NOT NULL DEFAULT 0,
    urgence             SMALLINT        NOT NULL DEFAULT 3,
    dernier_echange     VARCHAR(1000)   NULL,
    PRIMARY KEY (id),
    KEY ix_vt_demande_dossier (dossier_id),
    CONSTRAINT fk_vt_demande_dossier FOREIGN KEY (dossier_id) REFERENCES vt_dossier (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Security tokens (GenererJetonSecuritePA): stored as the SHA-256 of the
-- token, good once and until expires_at (30 seconds after they were made).
CREATE TABLE IF NOT EXISTS vt_jeton (
    token_sha256    CHAR(64)        NOT NULL,
    dossier_id      BIGINT UNSIGNED NOT NULL,
    application_id  BIGINT UNSIGNED NOT NULL,
    created_at      DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    expires_at      DATETIME(3)     NOT NULL,
    used_at         DATETIME(3)     NULL,
    PRIMARY KEY (token_sha256),
    KEY ix_vt_jeton_expiry (expires_at),
    CONSTRAINT fk_vt_jeton_dossier FOREIGN KEY (dossier_id) REFERENCES vt_dossier (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
