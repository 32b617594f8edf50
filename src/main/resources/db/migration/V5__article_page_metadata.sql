-- Page metadata of articles ingested as html (or given by the client): who wrote it and the publication's name.
ALTER TABLE article ADD COLUMN author TEXT;
ALTER TABLE article ADD COLUMN site_name TEXT;
