-- PhotoDesk schema, version 3: SMS delivery (core/notify). The outbox rows of channel 'sms'
-- get who holds their lease, which provider took them, the provider's status and when, and
-- for a hotline resend the message it copies. provider_ref (version 1) holds the provider's
-- message id (Aliyun BizId, Tencent SerialNo, generic message_id).

ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN provider TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN delivery_status TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN sent_at TEXT;
ALTER TABLE outbox ADD COLUMN resend_of BIGINT REFERENCES outbox (id);

-- The hotline's "last SMS of this student" and the dispatcher's claim query.
CREATE INDEX outbox_attempt_channel ON outbox (attempt_id, channel);
CREATE INDEX outbox_channel_due ON outbox (channel, state, next_try_at);
