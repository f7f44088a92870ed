-- Search expands query words into the lexemes of the postings (search.Vocabulary). It reads them whole now and
-- then, and after each change only those of postings whose words changed since its last read. When that was is
-- kept by the database itself, whoever writes (this service, an import, psql) and whatever updated_at they set.
ALTER TABLE position ADD COLUMN words_changed_at timestamptz NOT NULL DEFAULT now();

CREATE FUNCTION position_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.title IS DISTINCT FROM OLD.title OR NEW.search_text IS DISTINCT FROM OLD.search_text
       OR NEW.status IS DISTINCT FROM OLD.status THEN
        NEW.words_changed_at := clock_timestamp();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER position_words_changed BEFORE INSERT OR UPDATE ON position
    FOR EACH ROW EXECUTE FUNCTION position_words_changed();

CREATE INDEX position_words_changed_idx ON position (words_changed_at) WHERE status = 'published';
