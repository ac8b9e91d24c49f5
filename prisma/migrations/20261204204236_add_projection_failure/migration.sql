-- A projection PostgreSQL refused for good (a data or integrity error, SQLSTATE class 22 or
-- 23): the stay workflow records it here instead of retrying for ever, and processägare see
-- it on the stay and in the monitoring API. No foreign key: the record must be writable even
-- when the stay's own row is what was refused. Names the projection and the SQLSTATE only.
CREATE TABLE projection_failure (
  id uuid PRIMARY KEY,
  stay_id uuid NOT NULL,
  projection text NOT NULL,
  sql_state text,
  failed_at timestamptz(3) NOT NULL,
  recorded_at timestamptz(3) NOT NULL DEFAULT now()
);

CREATE INDEX projection_failure_failed_at_idx ON projection_failure (failed_at);
CREATE INDEX projection_failure_stay_id_idx ON projection_failure (stay_id);
