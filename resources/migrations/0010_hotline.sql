-- PhotoDesk schema, version 10: the hotline's call notes. (Versions 3-9 are left to the SMS
-- and platform-feed migrations; the Migrator applies whatever files exist in order.)

CREATE TABLE call_notes (
  id {{id}},
  student_id BIGINT NOT NULL REFERENCES students (id),
  author_id BIGINT NOT NULL REFERENCES users (id),
  note TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX call_notes_student ON call_notes (student_id, created_at);
