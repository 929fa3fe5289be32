-- Step outputs, so that a retried or recovered job resumes after its last
-- succeeded step with that step's documents; and the node whose worker
-- holds a cancel or pause request's job.
ALTER TABLE job_step ADD COLUMN IF NOT EXISTS outputs LONGTEXT NULL CHECK (outputs IS NULL OR JSON_VALID(outputs));
ALTER TABLE job ADD COLUMN IF NOT EXISTS requested_by VARCHAR(190) NULL AFTER request;
