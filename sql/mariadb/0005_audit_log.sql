-- The audit log of the admin site and the other faces: who did what, when,
-- to what (logins, flow edits, job actions, user changes). Written through
-- the core (UserDirectory::audit), read by the admin site's audit page,
-- newest first, filtered by login, action or period.
CREATE TABLE IF NOT EXISTS audit_log (
    id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    at        DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    login     VARCHAR(190)    NOT NULL,
    action    VARCHAR(64)     NOT NULL,
    target    VARCHAR(255)    NOT NULL DEFAULT '',
    details   TEXT            NULL,
    client_ip VARCHAR(64)     NULL,
    PRIMARY KEY (id),
    KEY ix_audit_login_id (login, id),
    KEY ix_audit_action_id (action, id),
    KEY ix_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
