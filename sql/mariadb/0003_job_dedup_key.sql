-- A job's de-duplication key: a trigger (schedule due time, file taken from
-- a watched folder, SOAP deposit reference) submits with a key, and the
-- unique index makes a second submit with the same key fail, so each event
-- yields exactly one job even with several engine nodes.
ALTER TABLE job ADD COLUMN IF NOT EXISTS dedup_key VARCHAR(255) NULL AFTER submitted_by;
CREATE UNIQUE INDEX IF NOT EXISTS uq_job_dedup_key ON job (dedup_key);
