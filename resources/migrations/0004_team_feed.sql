-- PhotoDesk schema, version 4: team mode (claims with expiring leases) and the platform feed.

-- A claim is (claimed_by, lease_until, claim_token); the token is new on every claim, so a desk
-- whose lease expired and was taken over cannot decide with its stale claim.
ALTER TABLE attempts ADD COLUMN claim_token TEXT;
-- A re-submission after a rejection is a new attempt of the same student; it names the attempt
-- it follows (the platform's id), so the history reads as a chain.
ALTER TABLE attempts ADD COLUMN previous_external_id TEXT;
-- "Claim next": the most urgent pending attempt first.
CREATE INDEX attempts_claimable ON attempts (state, deadline, id);

-- Small named values the feed keeps between runs (the resume cursor of an interrupted sync).
CREATE TABLE feed_state (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
