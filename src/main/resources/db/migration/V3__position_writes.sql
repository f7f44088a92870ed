-- Writes: optimistic concurrency (ETag = version), who wrote, manual closing, agency references,
-- deadline history and the change history.
ALTER TABLE position
    ADD COLUMN version      bigint NOT NULL DEFAULT 1,
    ADD COLUMN closed_at    timestamptz,
    ADD COLUMN external_ref text CHECK (external_ref IS NULL OR agency_id IS NOT NULL),
    ADD COLUMN created_by   bigint REFERENCES api_client (id),
    ADD COLUMN updated_by   bigint REFERENCES api_client (id);
-- An agency's own reference for a posting it syncs from its system.
CREATE UNIQUE INDEX position_agency_external_ref_idx ON position (agency_id, external_ref) WHERE external_ref IS NOT NULL;

-- Every later deadline a posting got: the public sees that the deadline was extended.
CREATE TABLE deadline_change (
    position_id       bigint      NOT NULL REFERENCES position (id) ON DELETE CASCADE,
    ord               int         NOT NULL,
    previous_deadline timestamptz NOT NULL,
    new_deadline      timestamptz NOT NULL CHECK (new_deadline > previous_deadline),
    changed_at        timestamptz NOT NULL,
    PRIMARY KEY (position_id, ord)
);

-- Who changed what, when: one row a write, with the fields it changed (before and after).
CREATE SEQUENCE position_change_seq INCREMENT BY 50;
CREATE TABLE position_change (
    id          bigint PRIMARY KEY DEFAULT nextval('position_change_seq'),
    position_id bigint      NOT NULL REFERENCES position (id) ON DELETE CASCADE,
    client_id   bigint      NOT NULL REFERENCES api_client (id),
    at          timestamptz NOT NULL,
    action      text        NOT NULL CHECK (action IN ('created', 'updated', 'published', 'closed', 'withdrawn', 'reopened')),
    changes     jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX position_change_position_idx ON position_change (position_id, at);

-- Open listings now also leave out postings closed by hand; this index serves them without the heap.
CREATE INDEX position_open_deadline_idx ON position (application_deadline, id) WHERE status = 'published' AND closed_at IS NULL;
