-- What every job submit and claim needs of a flow's definition, kept in
-- columns computed once when the version is saved: before, each submit
-- parsed the JSON definition for the retry limit and each claim for the
-- first step's activity (JSON_VALUE over the whole LONGTEXT).
ALTER TABLE flow
    ADD COLUMN IF NOT EXISTS max_attempts INT UNSIGNED
        AS (COALESCE(JSON_VALUE(definition, '$.retry.max_attempts'), 1)) STORED,
    ADD COLUMN IF NOT EXISTS first_activity VARCHAR(190)
        AS (COALESCE(JSON_VALUE(definition, '$.steps[0].activity'), '')) STORED;
