-- Admin site users: the language of their pages, the lockout after repeated
-- failed logins, and the client certificate (a CPS card) they may log in with.
-- Written through the core (UserDirectory), read by the admin site.
--
--   language       'fr' (the default: the users are French) or 'en'
--   failed_logins  wrong passwords since the last success or lockout
--   locked_until   no password is checked before this time (UTC); NULL: not locked
--   cert_subject, cert_serial
--                  the certificate Apache verified (SSLVerifyClient), as
--                  SSL_CLIENT_S_DN and SSL_CLIENT_M_SERIAL give them; one user per
--                  certificate (uq_app_user_cert: lookup at login by serial first)
ALTER TABLE app_user
    ADD COLUMN IF NOT EXISTS language      CHAR(2)      NOT NULL DEFAULT 'fr',
    ADD COLUMN IF NOT EXISTS failed_logins INT UNSIGNED NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS locked_until  DATETIME(3)  NULL,
    ADD COLUMN IF NOT EXISTS cert_subject  VARCHAR(255) NULL,
    ADD COLUMN IF NOT EXISTS cert_serial   VARCHAR(64)  NULL,
    ADD UNIQUE KEY IF NOT EXISTS uq_app_user_cert (cert_serial, cert_subject);

