-- PhotoDesk schema, version 24: claim events get their own hash chain per reviewer.
-- Every claim is audited, and with one chain for the whole school twenty desks claiming at once
-- queued behind its single lock (claim p99 on PostgreSQL 48–62 ms). `chain` names the chain an
-- event belongs to ('' = the main chain, 'actor:<user id>' = that user's claim chain); prev_hash
-- links to the previous event of the same chain. `anchor` is set on main-chain events: the head
-- ('<chain>@<id>:<hash>') of the actor's own chain at that moment, so the main chain vouches for
-- the claim history too. Existing events stay on the main chain with their hashes unchanged.

ALTER TABLE audit_events ADD COLUMN chain TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_events ADD COLUMN anchor TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_events_chain ON audit_events (chain, id);
