-- PhotoDesk schema, version 30: the review queue at 100 000 attempts. Every queue page is an
-- index range scan that starts after the previous page's last row (keyset paging,
-- core/review/ReviewQueue): (state, deadline, id) exists since version 4; this one serves the
-- "all states" list by deadline, both ways, and a deadline bucket across states.

CREATE INDEX attempts_deadline ON attempts (deadline, id);
