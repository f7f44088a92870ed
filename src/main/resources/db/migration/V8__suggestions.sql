-- Search-as-you-type (GET /api/v1/suggestions): word prefixes over titles and unit names, written with or
-- without the Danish letters ("paed" finds "Pædagog", "sundhedsplejerske" finds itself).
CREATE FUNCTION fold_danish(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN replace(replace(replace(replace(lower(t), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'é', 'e');

CREATE INDEX position_suggest_idx ON position USING gin (to_tsvector('simple', fold_danish(title)))
    WHERE status = 'published';
