-- PhotoDesk schema: the clean lane (docs/review.md). A decision records the lane it was made in:
-- 'standard' (one submission at a time in the review workspace) or 'clean' (approved from the
-- clean-lane grid). Every decision is still one row with its own audit event and messages; the
-- lane only tells supervisors and the second review how it was made. The lane's on/off switch
-- and page size live in the settings table (key 'review.clean_lane').

ALTER TABLE decisions ADD COLUMN lane TEXT NOT NULL DEFAULT 'standard' CHECK (lane IN ('standard', 'clean'));
CREATE INDEX decisions_lane ON decisions (lane, decided_at);
