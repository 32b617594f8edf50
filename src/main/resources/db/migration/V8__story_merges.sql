-- Story assignment without window locks. Two articles assigned at the same time cannot see each other; right after
-- its commit each looks for the articles whose assignment transaction (assigned_xid) its lookup's snapshot did not
-- see, and merges the two stories when they are the same story: the one committed later always finds the other.
ALTER TABLE article ADD COLUMN assigned_xid xid8;
CREATE INDEX article_assigned_xid_idx ON article (assigned_xid);

-- A story merged into another keeps its id for the clients that know it: it has no articles left and points to
-- the story that took them.
ALTER TABLE story ADD COLUMN merged_into BIGINT REFERENCES story (id);

-- The cleaned text's length in words, what the same-story model measures lengths by, stored with the fingerprints
-- so that judging an article as a later one's candidate does not count its words again (NULL for articles assigned
-- before: counted when needed).
ALTER TABLE article ADD COLUMN word_count INTEGER;
