-- EDIFACT settings of a partner (docs/edifact.md): how interchanges sent to
-- it are written (syntax level, separators, test indicator, the UNB
-- recipient when it is not the partner's GLN) and the counter of their
-- control references. One row per partner that exchanges EDIFACT; a partner
-- without a row gets the defaults (UNOC, the default separators, no test
-- indicator, its GLN as recipient). Read and written through the core
-- (PartnerEdifactSettings).
CREATE TABLE IF NOT EXISTS partner_edifact (
    partner_id      BIGINT UNSIGNED NOT NULL,
    syntax_level    CHAR(4)         NOT NULL DEFAULT 'UNOC',
    -- UNA order: component, element, decimal mark, release, reserved, segment
    -- terminator; empty: the defaults
    separators      VARCHAR(6)      NOT NULL DEFAULT '',
    test_indicator  TINYINT(1)      NOT NULL DEFAULT 0,
    unb_id          VARCHAR(35)     NULL,
    unb_qualifier   VARCHAR(4)      NOT NULL DEFAULT '14',
    next_reference  BIGINT UNSIGNED NOT NULL DEFAULT 1,
    PRIMARY KEY (partner_id),
    CONSTRAINT fk_partner_edifact FOREIGN KEY (partner_id) REFERENCES partner (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
