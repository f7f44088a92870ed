-- Ids come from sequences that step by 50 so Hibernate can batch inserts (sample data, sync).

CREATE SEQUENCE employer_seq INCREMENT BY 50;
CREATE TABLE employer (
    id          bigint PRIMARY KEY DEFAULT nextval('employer_seq'),
    name        text NOT NULL UNIQUE,
    street      text NOT NULL,
    postal_code text NOT NULL,
    city        text NOT NULL,
    phone       text NOT NULL,          -- E.164
    website     text,
    about       text
);

-- The pillars of the employer's "medarbejder- og ledelsesgrundlag", in the order it lists them.
CREATE TABLE employer_value (
    employer_id    bigint NOT NULL REFERENCES employer (id) ON DELETE CASCADE,
    ord            int    NOT NULL,
    name           text   NOT NULL,
    values_text    text   NOT NULL,
    behaviour_text text   NOT NULL,
    PRIMARY KEY (employer_id, ord)
);

CREATE SEQUENCE org_unit_seq INCREMENT BY 50;
CREATE TABLE org_unit (
    id          bigint PRIMARY KEY DEFAULT nextval('org_unit_seq'),
    employer_id bigint NOT NULL REFERENCES employer (id),
    parent_id   bigint REFERENCES org_unit (id),
    name        text   NOT NULL,
    level       text   NOT NULL CHECK (level IN ('directorate', 'department', 'unit'))
);
CREATE INDEX org_unit_employer_idx ON org_unit (employer_id);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);

CREATE SEQUENCE agency_seq INCREMENT BY 50;
CREATE TABLE agency (
    id      bigint PRIMARY KEY DEFAULT nextval('agency_seq'),
    name    text NOT NULL UNIQUE,
    website text
);

CREATE SEQUENCE position_seq INCREMENT BY 50;
CREATE TABLE position (
    id                   bigint PRIMARY KEY DEFAULT nextval('position_seq'),
    slug                 text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND slug ~ '[a-z]'),
    employer_id          bigint      NOT NULL REFERENCES employer (id),
    unit_id              bigint REFERENCES org_unit (id),
    agency_id            bigint REFERENCES agency (id),
    title                text        NOT NULL,
    reports_to           text,
    employment_terms     text,
    working_hours        text,
    salary               text,
    pension              text,
    start_date           date,
    start_text           text,
    -- The last instant applications are accepted; a date-only deadline is 23:59:59 Copenhagen time.
    application_deadline timestamptz,
    apply_url            text,
    status               text        NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
    published_at         timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    -- Body text (sections, committee) flattened by the application, so search needs no joins.
    search_text          text        NOT NULL DEFAULT '',
    search_vector        tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', search_text), 'B')) STORED,
    CONSTRAINT published_is_complete CHECK (
        status <> 'published' OR (unit_id IS NOT NULL AND application_deadline IS NOT NULL AND published_at IS NOT NULL))
);
CREATE INDEX position_search_idx ON position USING gin (search_vector);
CREATE INDEX position_public_deadline_idx ON position (application_deadline, id) WHERE status = 'published';
CREATE INDEX position_public_published_idx ON position (published_at DESC, id) WHERE status = 'published';
CREATE INDEX position_public_title_idx ON position ((title COLLATE "da-DK-x-icu"), id) WHERE status = 'published';
CREATE INDEX position_unit_idx ON position (unit_id, application_deadline);
CREATE INDEX position_employer_idx ON position (employer_id, application_deadline);
CREATE INDEX position_agency_idx ON position (agency_id, application_deadline);

CREATE TABLE position_section (
    position_id bigint NOT NULL REFERENCES position (id) ON DELETE CASCADE,
    ord         int    NOT NULL,
    heading     text   NOT NULL,
    body        text   NOT NULL,
    PRIMARY KEY (position_id, ord)
);

CREATE TABLE committee_member (
    position_id bigint NOT NULL REFERENCES position (id) ON DELETE CASCADE,
    ord         int    NOT NULL,
    name        text   NOT NULL,
    role        text   NOT NULL,
    PRIMARY KEY (position_id, ord)
);

CREATE TABLE position_link (
    position_id bigint NOT NULL REFERENCES position (id) ON DELETE CASCADE,
    ord         int    NOT NULL,
    title       text   NOT NULL,
    url         text   NOT NULL,
    PRIMARY KEY (position_id, ord)
);

CREATE SEQUENCE contact_seq INCREMENT BY 50;
CREATE TABLE contact (
    id           bigint PRIMARY KEY DEFAULT nextval('contact_seq'),
    position_id  bigint NOT NULL REFERENCES position (id) ON DELETE CASCADE,
    ord          int    NOT NULL,
    name         text   NOT NULL,
    role         text,
    organisation text,
    phone        text,                  -- E.164
    email        text
);
CREATE INDEX contact_position_idx ON contact (position_id, ord);

CREATE SEQUENCE stage_seq INCREMENT BY 50;
CREATE TABLE stage (
    id          bigint PRIMARY KEY DEFAULT nextval('stage_seq'),
    position_id bigint NOT NULL REFERENCES position (id) ON DELETE CASCADE,
    ord         int    NOT NULL,
    kind        text   NOT NULL CHECK (kind IN ('first_interview', 'test', 'second_interview', 'references', 'meeting', 'other')),
    label       text   NOT NULL,
    date        date,
    start_time  time,
    end_time    time,
    location    text,
    note        text,
    CHECK (end_time IS NULL OR start_time IS NULL OR end_time > start_time)
);
CREATE INDEX stage_position_idx ON stage (position_id, ord);
