-- The job list of the admin UI and `relais list`: by status, flow, partner,
-- creation date and document name, newest first, a page at a time.
ALTER TABLE job ADD COLUMN IF NOT EXISTS partner VARCHAR(190) NULL AFTER submitted_by;
CREATE INDEX IF NOT EXISTS ix_job_partner_id ON job (partner, id);
CREATE INDEX IF NOT EXISTS ix_job_flow_status_id ON job (flow_name, status, id);
CREATE INDEX IF NOT EXISTS ix_job_created_id ON job (created_at, id);
CREATE INDEX IF NOT EXISTS ix_document_name_job ON document (name, job_id);
