-- PhotoDesk schema, version 2: results of the automated pre-screen (face analysis, photo
-- rules), one row per photo, kind and producer version, so a newer model or rule set adds
-- rows instead of overwriting what a reviewer saw.

CREATE TABLE analysis_results (
  id {{id}},
  photo_id BIGINT NOT NULL REFERENCES photos (id),
  kind TEXT NOT NULL,
  producer_version TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (photo_id, kind, producer_version)
);

-- The queue sorts pending attempts by deadline; the hotline looks students up by name/phone.
CREATE INDEX students_name ON students (name);
CREATE INDEX students_phone ON students (phone);
