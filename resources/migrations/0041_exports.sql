-- PhotoDesk schema: export of approved photos to the national graduate-registration upload
-- (docs/export.md).
--
-- students.cohort: the graduating class (届, e.g. '2025'), as the collection platform sends it
-- in the optional `cohort` field of a student (and the demo data). It is never guessed from the
-- student number: numbering schemes differ between schools and programme lengths. Empty means
-- unknown; the export filter and the supervision page show it as such.
ALTER TABLE students ADD COLUMN cohort TEXT NOT NULL DEFAULT '';
CREATE INDEX students_cohort ON students (cohort, programme);

-- One row per completed export: who, what was asked for (the filter as JSON), where it went,
-- what came out and the SHA-256 of the manifest inside it. Failed and cancelled exports leave
-- no row here (nothing left the system), only an audit event.
CREATE TABLE exports (
  id {{id}},
  at TEXT NOT NULL,
  actor_id BIGINT REFERENCES users (id),
  actor TEXT NOT NULL,
  filter TEXT NOT NULL,
  key_kind TEXT NOT NULL CHECK (key_kind IN ('national-id', 'student-number')),
  format TEXT NOT NULL CHECK (format IN ('folder', 'zip')),
  destination TEXT NOT NULL,
  exported INTEGER NOT NULL,
  reencoded INTEGER NOT NULL,
  left_out INTEGER NOT NULL,
  manifest_sha256 TEXT NOT NULL
);
CREATE INDEX exports_at ON exports (at);

-- Which attempt went out in which export, under which file key, with the exported file's
-- SHA-256 and whether it was re-encoded: "exported before" / "not yet exported" are queries
-- on this table, and an attempt's export times are the `at` of its exports.
CREATE TABLE export_items (
  export_id BIGINT NOT NULL REFERENCES exports (id),
  attempt_id BIGINT NOT NULL REFERENCES attempts (id),
  file_key TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  reencoded INTEGER NOT NULL,
  PRIMARY KEY (export_id, attempt_id)
);
CREATE INDEX export_items_attempt ON export_items (attempt_id);
