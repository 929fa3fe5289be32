-- What a collecting step (ftp.collect, sftp.collect, mail.receive) took from a
-- server, one row per document: written in the transaction that records the
-- document, before the server is told to delete, move or mark the item, and
-- set 'done' once it has. A run of the same step of the same job after its
-- node died (or after a failed attempt) adopts these documents: an item the
-- server no longer holds is not lost, one it still holds is not taken twice.
-- item: the file's URL, or the message's mailbox URL and UID.
CREATE TABLE IF NOT EXISTS step_journal (
    document_id BIGINT UNSIGNED NOT NULL,
    job_id      BIGINT UNSIGNED NOT NULL,
    position    INT UNSIGNED    NOT NULL,
    item        VARCHAR(1024)   NOT NULL,
    state       ENUM('stored','done') NOT NULL DEFAULT 'stored',
    created_at  DATETIME(3)     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (document_id),
    KEY ix_step_journal_step (job_id, position),
    CONSTRAINT fk_step_journal_document FOREIGN KEY (document_id) REFERENCES document (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
