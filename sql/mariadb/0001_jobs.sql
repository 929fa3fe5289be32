-- Relais core schema: flows, jobs and their steps, logs and documents, engine
-- nodes, admin users. Shared by relaisd, relais and the PHP extension.
-- Every statement is safe to run twice (IF NOT EXISTS), so an interrupted
-- migration can simply be applied again.

CREATE TABLE IF NOT EXISTS flow (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    name         VARCHAR(190)    NOT NULL,
    version      INT UNSIGNED    NOT NULL,
    description  VARCHAR(1000)   NOT NULL DEFAULT '',
    trigger_type VARCHAR(32)     NOT NULL DEFAULT 'manual',
    definition   LONGTEXT        NOT NULL CHECK (JSON_VALID(definition)),
    sha256       CHAR(64)        NOT NULL,
    enabled      TINYINT(1)      NOT NULL DEFAULT 1,
    created_at   DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uq_flow_name_version (name, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per job. Claiming reads ix_job_claim (queued jobs due now, by
-- priority); recovery reads ix_job_lease; the UI lists recent jobs by id,
-- optionally by status or flow (ix_job_status_id, ix_job_flow_id).
CREATE TABLE IF NOT EXISTS job (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    flow_id       BIGINT UNSIGNED NOT NULL,
    flow_name     VARCHAR(190)    NOT NULL,
    flow_version  INT UNSIGNED    NOT NULL,
    status        ENUM('queued','running','succeeded','failed','retry_wait','cancelled','paused')
                                  NOT NULL DEFAULT 'queued',
    priority      SMALLINT        NOT NULL DEFAULT 0,
    attempt       INT UNSIGNED    NOT NULL DEFAULT 0,
    max_attempts  INT UNSIGNED    NOT NULL DEFAULT 1,
    run_at        DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    node          VARCHAR(190)    NULL,
    lease_until   DATETIME(3)     NULL,
    request       ENUM('cancel','pause') NULL,
    params        LONGTEXT        NOT NULL DEFAULT '{}' CHECK (JSON_VALID(params)),
    error         TEXT            NULL,
    submitted_by  VARCHAR(190)    NULL,
    created_at    DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    started_at    DATETIME(3)     NULL,
    finished_at   DATETIME(3)     NULL,
    updated_at    DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY ix_job_claim (status, priority DESC, run_at, id),
    KEY ix_job_lease (status, lease_until),
    KEY ix_job_status_id (status, id),
    KEY ix_job_flow_id (flow_name, id),
    CONSTRAINT fk_job_flow FOREIGN KEY (flow_id) REFERENCES flow (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per step run; a retried job adds rows with a higher attempt.
CREATE TABLE IF NOT EXISTS job_step (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    job_id      BIGINT UNSIGNED NOT NULL,
    attempt     INT UNSIGNED    NOT NULL,
    position    INT UNSIGNED    NOT NULL,
    activity    VARCHAR(64)     NOT NULL,
    status      ENUM('running','succeeded','failed') NOT NULL DEFAULT 'running',
    error       TEXT            NULL,
    started_at  DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    finished_at DATETIME(3)     NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_job_step (job_id, attempt, position),
    CONSTRAINT fk_job_step_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS job_log (
    id        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    job_id    BIGINT UNSIGNED NOT NULL,
    position  INT UNSIGNED    NULL,
    level     ENUM('debug','info','warn','error') NOT NULL DEFAULT 'info',
    message   TEXT            NOT NULL,
    at        DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY ix_job_log_job (job_id, id),
    CONSTRAINT fk_job_log_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A document of a job: an input ('in', position NULL) or a step's output
-- ('out'). The bytes live in the content store under store_path (relative to
-- [store] path), addressed by their SHA-256.
CREATE TABLE IF NOT EXISTS document (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    job_id      BIGINT UNSIGNED NOT NULL,
    direction   ENUM('in','out') NOT NULL,
    position    INT UNSIGNED    NULL,
    name        VARCHAR(255)    NOT NULL,
    size        BIGINT UNSIGNED NOT NULL,
    sha256      CHAR(64)        NOT NULL,
    store_path  VARCHAR(512)    NOT NULL,
    created_at  DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    KEY ix_document_job (job_id, direction, position),
    KEY ix_document_sha256 (sha256),
    CONSTRAINT fk_document_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Engine instances sharing the database, with their heartbeats.
CREATE TABLE IF NOT EXISTS node (
    name          VARCHAR(190) NOT NULL,
    host          VARCHAR(255) NOT NULL,
    pid           INT UNSIGNED NOT NULL,
    version       VARCHAR(32)  NOT NULL,
    workers       INT UNSIGNED NOT NULL,
    status        ENUM('running','stopped') NOT NULL DEFAULT 'running',
    started_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    heartbeat_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (name),
    KEY ix_node_heartbeat (status, heartbeat_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Admin site users. password_hash is bcrypt ($2y$), the format of PHP's
-- password_hash(), computed and checked by the core.
CREATE TABLE IF NOT EXISTS app_user (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    login          VARCHAR(190) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    role           ENUM('admin','operator','viewer') NOT NULL DEFAULT 'admin',
    enabled        TINYINT(1)   NOT NULL DEFAULT 1,
    created_at     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    last_login_at  DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_app_user_login (login)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
