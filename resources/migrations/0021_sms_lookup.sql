-- PhotoDesk schema: SMS look-up before re-sending (core/notify). needs_lookup = 1 marks an
-- 'sms' outbox row whose last try has an unclear outcome (a timeout or dropped connection after
-- the request was written, or an unanswered provider query): before it is sent again the
-- dispatcher asks the provider whether a message with its idempotency key was already
-- accepted (Aliyun QuerySendDetails, Tencent PullSmsSendStatusByPhoneNumber, generic
-- GET /sms/status). Kept in the row so that the look-up also happens after a restart; a row
-- reclaimed from an expired lease ('sending') is looked up as well.

ALTER TABLE outbox ADD COLUMN needs_lookup INTEGER NOT NULL DEFAULT 0;
