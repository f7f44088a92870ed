-- Every instance keeps public answers in memory, valid for one version of the data. PostgreSQL tells
-- every instance when that data changes: a NOTIFY sent from the writing transaction is delivered only
-- after it commits (and never for one rolled back), and repeats within one transaction are folded
-- into one. Triggers catch every writer alike: this service, another replica, a script, psql.
-- Updates are watched row by row, so an UPDATE that matches nothing (the deadline watcher's, every
-- minute) announces nothing; inserts and deletes once per statement, so bulk loads stay cheap.
CREATE FUNCTION notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('jobs_data_changed', '');
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['employer', 'employer_value', 'org_unit', 'agency', 'position', 'position_section',
                             'committee_member', 'position_link', 'deadline_change', 'contact', 'stage']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()', t || '_written', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I
                        FOR EACH ROW EXECUTE FUNCTION notify_data_changed()', t || '_updated', t);
    END LOOP;
END
$$;
