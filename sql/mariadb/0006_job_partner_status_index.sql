-- "Failed jobs of partner X" as one index range, like status + flow
-- (ix_job_flow_status_id). Added after 0004 had been merged, so that a
-- database which already applied 0004 gets it too.
CREATE INDEX IF NOT EXISTS ix_job_partner_status_id ON job (partner, status, id);
