-- Hand-overs of two kinds (issue 20, item 6): the universities' graduates (GRADUATES, every earlier
-- hand-over) and the students in difficulty whom counselors register in bulk for one-to-one
-- assistance (STUDENTS_IN_DIFFICULTY). The same file handed over as each kind is two hand-overs.
ALTER TABLE handover ADD COLUMN kind VARCHAR(24) NOT NULL DEFAULT 'GRADUATES';

DROP INDEX ux_handover_content_hash ON handover;
-- serves: the re-upload check (one hand-over per kind and file content)
CREATE UNIQUE INDEX ux_handover_kind_content_hash ON handover (kind, content_hash);
