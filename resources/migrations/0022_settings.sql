-- PhotoDesk schema, version 22: settings shared by every desk of a store (team mode shares them
-- through the database), edited by supervisors and administrators. First user: the SMS
-- templates ('sms.templates', the JSON of resources/config/sms-templates.json).

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by BIGINT REFERENCES users (id)
);
