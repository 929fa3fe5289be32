-- The dashboard's counts (JobQueue::stats, JobQueue::failuresByFlow): jobs
-- created in the last hours by hour, status and flow, read from this index
-- alone (7 ranges, one per status; no row is read). Without it each dashboard
-- refresh read every job of the window through ix_job_created_id and the
-- primary key: about 50 ms of the database's time at 1,000,000 jobs, 11,000
-- created a day (tests/bench/web_pages.sh). The in-flight counts (queued,
-- running, retry_wait, paused) are its leftmost prefix.
CREATE INDEX IF NOT EXISTS ix_job_status_created_flow ON job (status, created_at, flow_name);
