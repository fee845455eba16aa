-- PhotoDesk schema, version 11: second review. A sampled decision gets a row here; a second
-- reviewer confirms or overturns it. The first decision row is never changed, so both stay on
-- record.

CREATE TABLE second_reviews (
  id {{id}},
  decision_id BIGINT NOT NULL UNIQUE REFERENCES decisions (id),
  sampled_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed', 'overturned')),
  reviewer_id BIGINT REFERENCES users (id),
  verdict TEXT CHECK (verdict IN ('approve', 'reject')),
  reasons TEXT NOT NULL DEFAULT '[]',
  note TEXT NOT NULL DEFAULT '',
  decided_at TEXT
);
CREATE INDEX second_reviews_state ON second_reviews (state, sampled_at);
