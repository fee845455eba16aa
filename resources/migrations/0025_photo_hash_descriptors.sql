-- PhotoDesk schema, version 25: the face descriptor beside each photo's hashes.
-- NOT_REUSED finds candidates by pHash or by the 64-bit face code, then must confirm a face-code
-- candidate with the real descriptor distance (≤ 0.15): a code within 4 bits alone also happens
-- for two different photos of the same person. Without the descriptor here, a candidate found by
-- its code was judged by the code alone (a demo photo of one student was flagged as another
-- student's). Base64 of the little-endian float32 vector, NULL when there is no face; rows
-- written before this version are refreshed by the next pre-screen of their photo.

ALTER TABLE photo_hashes ADD COLUMN descriptor TEXT;
