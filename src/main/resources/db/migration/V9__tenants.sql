-- Many employers in one deployment (README, "Tenants"). Expand only: the release before this one keeps
-- running beside it during a rolling upgrade, so nothing it reads or writes changes shape.

-- Roles bound to a tenant: an admin (the operator) is bound to nothing, an editor to one employer, an agency
-- client to one agency. Widening the role check rejects nothing the previous release writes.
ALTER TABLE api_client DROP CONSTRAINT api_client_role_check;
ALTER TABLE api_client ADD CONSTRAINT api_client_role_check CHECK (role IN ('admin', 'editor', 'agency'));
ALTER TABLE api_client ADD COLUMN employer_id bigint REFERENCES employer (id);
CREATE INDEX api_client_employer_idx ON api_client (employer_id);

-- Existing keys keep the meaning closest to what they had. Editors could change every posting: the bootstrap
-- key becomes an admin; every other editor is bound to the employer when there is only one, and otherwise
-- becomes an admin too (it could act for every employer).
UPDATE api_client SET role = 'admin' WHERE role = 'editor' AND bootstrap;
UPDATE api_client SET employer_id = (SELECT min(id) FROM employer)
WHERE role = 'editor' AND (SELECT count(*) FROM employer) = 1;
UPDATE api_client SET role = 'admin' WHERE role = 'editor' AND employer_id IS NULL;
-- Enforced for new rows at once, on purpose: a replica of the previous release cannot create an editor bound to
-- nothing during the upgrade (it would mean every employer there, and nothing here).
ALTER TABLE api_client ADD CONSTRAINT editors_act_for_an_employer CHECK ((role = 'editor') = (employer_id IS NOT NULL));

-- An employer engages an agency for a span of days (the last one included; open-ended without one). An agency
-- acts for an employer only while an engagement between them is active.
CREATE SEQUENCE engagement_seq INCREMENT BY 50;
CREATE TABLE engagement (
    id          bigint PRIMARY KEY DEFAULT nextval('engagement_seq'),
    employer_id bigint      NOT NULL REFERENCES employer (id),
    agency_id   bigint      NOT NULL REFERENCES agency (id),
    starts_on   date        NOT NULL,
    ends_on     date CHECK (ends_on IS NULL OR ends_on >= starts_on),
    version     bigint      NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL,
    created_by  bigint REFERENCES api_client (id)
);
CREATE INDEX engagement_employer_idx ON engagement (employer_id, agency_id);
CREATE INDEX engagement_agency_idx ON engagement (agency_id, employer_id);

-- Agencies kept what they had: an engagement, from its first posting on, with every employer it has postings
-- of, and, where there is only one employer, with it for every agency that has a working key.
INSERT INTO engagement (employer_id, agency_id, starts_on, created_at)
SELECT employer_id, agency_id, min(created_at)::date, now() FROM position
WHERE agency_id IS NOT NULL GROUP BY employer_id, agency_id;
INSERT INTO engagement (employer_id, agency_id, starts_on, created_at)
SELECT (SELECT min(id) FROM employer), c.agency_id, min(c.created_at)::date, now() FROM api_client c
WHERE c.role = 'agency' AND c.revoked_at IS NULL AND (SELECT count(*) FROM employer) = 1
  AND NOT EXISTS (SELECT 1 FROM engagement e WHERE e.agency_id = c.agency_id)
GROUP BY c.agency_id;

-- Each employer's public settings; absent ones fall back to the environment (JOBS_POSTING_PAGE_URL,
-- JOBS_CORS_ORIGINS). A version per employer, agency and unit for If-Match.
ALTER TABLE employer
    ADD COLUMN posting_page_url text,
    ADD COLUMN website_origins  text[] NOT NULL DEFAULT '{}',
    ADD COLUMN version          bigint NOT NULL DEFAULT 1;
ALTER TABLE agency ADD COLUMN version bigint NOT NULL DEFAULT 1;
-- A unit that had postings is closed rather than deleted, so their history keeps its name.
ALTER TABLE org_unit
    ADD COLUMN closed_at timestamptz,
    ADD COLUMN version   bigint NOT NULL DEFAULT 1;

-- The change feed shows an editor its own employer's unpublished changes. The employer is filled in from the
-- position by the database, so the previous release's writes during the upgrade carry it too.
ALTER TABLE change_event ADD COLUMN employer_id bigint;
UPDATE change_event e SET employer_id = p.employer_id FROM position p WHERE p.id = e.position_id;

CREATE FUNCTION change_event_employer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.employer_id IS NULL THEN
        NEW.employer_id := (SELECT employer_id FROM position WHERE id = NEW.position_id);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER change_event_employer BEFORE INSERT ON change_event
    FOR EACH ROW EXECUTE FUNCTION change_event_employer();
