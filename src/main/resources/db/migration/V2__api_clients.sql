-- Who may write: editors (every posting) and agencies (their own postings). A key is shown once at
-- creation and only its SHA-256 is kept; keys are 256 random bits, so a fast hash is enough.
CREATE SEQUENCE api_client_seq INCREMENT BY 50;
CREATE TABLE api_client (
    id         bigint PRIMARY KEY DEFAULT nextval('api_client_seq'),
    name       text        NOT NULL,
    role       text        NOT NULL CHECK (role IN ('editor', 'agency')),
    agency_id  bigint REFERENCES agency (id),
    key_hash   text        NOT NULL UNIQUE,
    -- The editor that JOBS_BOOTSTRAP_EDITOR_KEY keeps in place; at most one is active.
    bootstrap  boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CONSTRAINT agency_clients_act_for_an_agency CHECK ((role = 'agency') = (agency_id IS NOT NULL))
);
CREATE UNIQUE INDEX api_client_active_bootstrap_idx ON api_client (bootstrap) WHERE bootstrap AND revoked_at IS NULL;
