-- The change feed. Events are ordered by the transaction that wrote them, then by sequence within
-- it. Readers only see events of transactions older than every transaction still running
-- (pg_snapshot_xmin), so an event that commits late can never slip in behind a cursor that has
-- moved past it: consumers neither miss events nor get one twice.
CREATE TABLE change_event (
    seq         bigserial PRIMARY KEY,
    tx          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    -- No foreign key: events outlive the positions they tell of.
    position_id bigint      NOT NULL,
    agency_id   bigint,
    kind        text        NOT NULL CHECK (kind IN ('created', 'updated', 'published', 'closed', 'withdrawn',
                                                     'deadline_extended', 'stage_moved', 'deleted')),
    -- Whether anonymous consumers see it: it tells of a public posting, or of one leaving public view.
    public      boolean     NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX change_event_order_idx ON change_event (tx, seq);

-- The deadline for which the feed has told that the posting closed on its own.
ALTER TABLE position ADD COLUMN closed_announced_for timestamptz;
CREATE INDEX position_unannounced_close_idx ON position (application_deadline)
    WHERE status = 'published' AND closed_at IS NULL;
