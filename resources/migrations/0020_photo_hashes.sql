-- PhotoDesk schema: perceptual hashes of every photo for the NOT_REUSED rule (docs/photo-rules.md).
-- A 64-bit pHash (OpenCV img_hash) and a 64-bit code of the face descriptor (random-hyperplane
-- signs), each split into four 16-bit bands with an index per band: a lookup within Hamming
-- radius r probes, per band, the values within floor(r/4) bits (multi-index hashing), so it
-- touches a handful of rows even with 100 000 photos instead of scanning them all.

CREATE TABLE photo_hashes (
  id {{id}},
  photo_id BIGINT NOT NULL REFERENCES photos (id),
  student_id BIGINT NOT NULL,
  role TEXT NOT NULL,
  phash BIGINT NOT NULL,
  ph0 INTEGER NOT NULL,
  ph1 INTEGER NOT NULL,
  ph2 INTEGER NOT NULL,
  ph3 INTEGER NOT NULL,
  face_code BIGINT,
  fc0 INTEGER,
  fc1 INTEGER,
  fc2 INTEGER,
  fc3 INTEGER,
  created_at TEXT NOT NULL,
  UNIQUE (photo_id)
);
CREATE INDEX photo_hashes_ph0 ON photo_hashes (ph0);
CREATE INDEX photo_hashes_ph1 ON photo_hashes (ph1);
CREATE INDEX photo_hashes_ph2 ON photo_hashes (ph2);
CREATE INDEX photo_hashes_ph3 ON photo_hashes (ph3);
CREATE INDEX photo_hashes_fc0 ON photo_hashes (fc0);
CREATE INDEX photo_hashes_fc1 ON photo_hashes (fc1);
CREATE INDEX photo_hashes_fc2 ON photo_hashes (fc2);
CREATE INDEX photo_hashes_fc3 ON photo_hashes (fc3);
