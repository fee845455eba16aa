-- PhotoDesk schema, version 1: the review loop's entities.
-- Shared by SQLite and PostgreSQL. Dialect differences are tokens replaced by the Migrator
-- (core/store/Migrator.cpp): {{id}} is the auto-increment primary key.
-- Times are UTC ISO-8601 text with milliseconds; booleans are INTEGER 0/1.

CREATE TABLE users (
  id {{id}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('reviewer', 'hotline', 'supervisor', 'admin')),
  password_hash TEXT NOT NULL,
  password_salt TEXT NOT NULL,
  password_iterations INTEGER NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE students (
  id {{id}},
  student_number TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  national_id TEXT NOT NULL,
  phone TEXT NOT NULL,
  programme TEXT NOT NULL,
  level TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE attempts (
  id {{id}},
  student_id BIGINT NOT NULL REFERENCES students (id),
  external_id TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL DEFAULT 1,
  state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
  paid_at TEXT NOT NULL,
  deadline TEXT NOT NULL,
  claimed_by BIGINT REFERENCES users (id),
  lease_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX attempts_queue ON attempts (state, deadline);
CREATE INDEX attempts_student ON attempts (student_id);

-- Photo bytes live in the content-addressed blob folder, named by sha256.
CREATE TABLE photos (
  id {{id}},
  student_id BIGINT NOT NULL REFERENCES students (id),
  attempt_id BIGINT REFERENCES attempts (id),
  role TEXT NOT NULL CHECK (role IN ('submitted', 'enrollment', 'id_card')),
  sha256 TEXT NOT NULL,
  byte_size BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK ((role = 'submitted' AND attempt_id IS NOT NULL) OR (role <> 'submitted' AND attempt_id IS NULL))
);
CREATE UNIQUE INDEX photos_one_submitted ON photos (attempt_id) WHERE role = 'submitted';
CREATE INDEX photos_student ON photos (student_id, role);
CREATE INDEX photos_sha256 ON photos (sha256);

-- One decision per attempt; later second reviews get their own table.
CREATE TABLE decisions (
  id {{id}},
  attempt_id BIGINT NOT NULL UNIQUE REFERENCES attempts (id),
  verdict TEXT NOT NULL CHECK (verdict IN ('approve', 'reject')),
  reasons TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  reviewer_id BIGINT NOT NULL REFERENCES users (id),
  decided_at TEXT NOT NULL
);
CREATE INDEX decisions_reviewer ON decisions (reviewer_id, decided_at);

-- Append-only, hash-chained: hash = SHA-256(prev_hash + canonical row).
CREATE TABLE audit_events (
  id {{id}},
  at TEXT NOT NULL,
  actor_id BIGINT REFERENCES users (id),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  before_value TEXT NOT NULL DEFAULT '',
  after_value TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_object ON audit_events (object_type, object_id);

-- Messages written in the deciding transaction, delivered afterwards by dispatchers.
CREATE TABLE outbox (
  id {{id}},
  channel TEXT NOT NULL CHECK (channel IN ('sms', 'platform')),
  idempotency_key TEXT NOT NULL UNIQUE,
  attempt_id BIGINT REFERENCES attempts (id),
  payload TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  tries INTEGER NOT NULL DEFAULT 0,
  next_try_at TEXT NOT NULL,
  lease_until TEXT,
  last_error TEXT NOT NULL DEFAULT '',
  provider_ref TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, next_try_at);
