-- Article URLs are stored without user name and password since issue #14 (CanonicalUrl.withoutCredentials); this
-- removes them from the rows stored before, which the API and the feed would otherwise keep serving.
UPDATE article
SET url = regexp_replace(url, '^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@', '\1')
WHERE url ~ '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@';
