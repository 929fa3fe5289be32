-- Partners: the companies and organisations Relais exchanges documents with,
-- their identifiers (GLN, SIRET), contacts and certificates. Written and read
-- through the core (PartnerDirectory). A job names its partner by `code`
-- (job.partner, 0004), so the code never changes once jobs use it.
CREATE TABLE IF NOT EXISTS partner (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    code        VARCHAR(64)     NOT NULL,
    name        VARCHAR(255)    NOT NULL,
    gln         CHAR(13)        NULL,
    siret       CHAR(14)        NULL,
    notes       TEXT            NULL,
    enabled     TINYINT(1)      NOT NULL DEFAULT 1,
    created_at  DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at  DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uq_partner_code (code),
    UNIQUE KEY uq_partner_gln (gln),
    KEY ix_partner_siret (siret)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The people to call about a partner's exchanges, in the order shown.
CREATE TABLE IF NOT EXISTS partner_contact (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    partner_id  BIGINT UNSIGNED NOT NULL,
    position    INT UNSIGNED    NOT NULL,
    name        VARCHAR(255)    NOT NULL,
    email       VARCHAR(255)    NOT NULL DEFAULT '',
    phone       VARCHAR(64)     NOT NULL DEFAULT '',
    role        VARCHAR(255)    NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    KEY ix_partner_contact (partner_id, position),
    CONSTRAINT fk_partner_contact FOREIGN KEY (partner_id) REFERENCES partner (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- X.509 certificates of a partner (for AS2, TLS client authentication,
-- signatures), as uploaded (PEM), with the facts the core read from them.
-- ix_partner_certificate_expiry serves "which certificates expire soon".
CREATE TABLE IF NOT EXISTS partner_certificate (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    partner_id   BIGINT UNSIGNED NOT NULL,
    subject      VARCHAR(1024)   NOT NULL,
    issuer       VARCHAR(1024)   NOT NULL,
    serial       VARCHAR(128)    NOT NULL,
    not_before   DATETIME        NOT NULL,
    not_after    DATETIME        NOT NULL,
    sha256       CHAR(64)        NOT NULL,
    pem          TEXT            NOT NULL,
    uploaded_by  VARCHAR(190)    NULL,
    uploaded_at  DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uq_partner_certificate (partner_id, sha256),
    KEY ix_partner_certificate_expiry (not_after),
    CONSTRAINT fk_partner_certificate FOREIGN KEY (partner_id) REFERENCES partner (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
