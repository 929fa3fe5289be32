-- The job page's log filtered by level (JobQueue::logPage): the count of a
-- job's lines at one level and a page of them, newest first, each one range of
-- this index. Without it the level filter read every line of the job through
-- ix_job_log_job (job_id, id) and the row, a cost that grows with the job's log.
CREATE INDEX IF NOT EXISTS ix_job_log_job_level ON job_log (job_id, level, id);
