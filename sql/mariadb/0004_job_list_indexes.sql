-- The job list of the admin UI and `relais list`: by status, flow, partner,
-- creation date and document name, newest first (ORDER BY id DESC LIMIT n+1),
-- a page at a time (keyset: id < the last id of the page before).
--
-- The rule: each filter's equalities, then id, as one index, so that the list
-- is one index range read backwards, stopping after n+1 entries, with no
-- filesort, at any depth. JobQueue::listPage forces the index (FORCE INDEX):
-- for `status = ? AND id < ?` MariaDB 10.11 otherwise takes a ref access on
-- status alone and walks every newer job of that status first. EXPLAIN of the
-- queries as listPage sends them, on 1,000,000 jobs (tests/bench/ui_queries.sh;
-- "rows" is the optimizer's estimate of the whole range, the LIMIT stops the
-- read after 51 rows: ANALYZE shows r_rows 51):
--
--   filters              key (FORCE INDEX)          type   key_len  Extra
--   none                 PRIMARY                    index  8        -
--   status               ix_job_status_id           ref    1        Using where
--   status, id <         ix_job_status_id           range  9        Using where
--   flow, id <           ix_job_flow_id             range  770      Using where
--   partner, id <        ix_job_partner_id          range  771      Using where
--   status + flow, id <  ix_job_flow_status_id      range  771      Using where
--   status + partner,    ix_job_partner_status_id   range  772      Using where (0006)
--     id <
--   no "Using filesort", no "Using temporary" on any of them.
--
-- ix_job_status_id (status, id) and ix_job_flow_id (flow_name, id) come from
-- 0001. Other combinations (flow + partner) read the first index in that
-- order (partner, flow, status) and filter the rest: a range of at most one
-- partner's jobs.
--
-- The partner a job exchanges with, set at submit. ADD COLUMN is instant in
-- MariaDB 10.4+; the CREATE INDEX statements run online (no table lock).
ALTER TABLE job ADD COLUMN IF NOT EXISTS partner VARCHAR(190) NULL AFTER submitted_by;
CREATE INDEX IF NOT EXISTS ix_job_partner_id ON job (partner, id);
CREATE INDEX IF NOT EXISTS ix_job_flow_status_id ON job (flow_name, status, id);

-- Creation date: created_at DESC is not id DESC, so a created_at range would
-- be read whole and sorted (a day is 11,000 jobs at 1,000,000 over 90 days).
-- listPage instead turns from/to into an id range with two dives into this
-- index ("Using where; Using index", one entry each):
--   SELECT (SELECT id FROM job WHERE created_at < ? ORDER BY created_at DESC, id DESC LIMIT 1),
--          (SELECT id FROM job WHERE created_at >= ? ORDER BY created_at, id LIMIT 1)
-- and reads the id range newest first from the index of the other filters
-- (PRIMARY range when there is none), keeping created_at >= from AND
-- created_at < to as a filter so that the result is exact; ids grow with
-- creation time (see kCreationSkewSeconds in engine/jobs/job_queue.h).
CREATE INDEX IF NOT EXISTS ix_job_created_id ON job (created_at, id);

-- Document name (a prefix, LIKE 'abc%'): a semi-join,
--   id IN (SELECT job_id FROM document WHERE name LIKE ? ESCAPE '!')
-- EXPLAIN: document range on ix_document_name_job "Using where; Using index"
-- (index only), MATERIALIZED; then <subquery2> "Using filesort" of the
-- matching job ids alone, and job eq_ref PRIMARY for the 51 kept. Its cost
-- grows with the number of matching documents (about 1 µs each), not with
-- the number of jobs.
CREATE INDEX IF NOT EXISTS ix_document_name_job ON document (name, job_id);
