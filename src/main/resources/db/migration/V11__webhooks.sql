-- Webhooks (README, "Webhooks"): a client's subscription to the change feed, delivered by the Standard Webhooks
-- spec. New tables only: the release before this one never reads them.

CREATE SEQUENCE webhook_subscription_seq INCREMENT BY 50;
CREATE TABLE webhook_subscription (
    id              bigint PRIMARY KEY DEFAULT nextval('webhook_subscription_seq'),
    -- Whose it is: events are those this client may read through the API, now, not when it subscribed.
    client_id       bigint      NOT NULL REFERENCES api_client (id),
    url             text        NOT NULL,
    -- The change kinds it wants; every kind when empty.
    kinds           text[]      NOT NULL DEFAULT '{}',
    -- Narrowed to one employer's postings (an editor's own, or any for an admin); an agency's are its own.
    employer_id     bigint REFERENCES employer (id),
    -- The signing secret, AES-GCM encrypted with the environment's key (nonce, then ciphertext and tag).
    secret          bytea       NOT NULL,
    -- After a rotation the old secret signs beside the new one for a day, so the receiver can switch at leisure.
    previous_secret bytea,
    previous_until  timestamptz,
    state           text        NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused', 'disabled')),
    disabled_reason text,
    -- The last event it accepted (or that its scope passed over), as the change feed's cursor.
    cursor_tx       bigint      NOT NULL,
    cursor_seq      bigint      NOT NULL,
    -- Failed attempts at the event after the cursor, and when to try it next.
    failures        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX webhook_subscription_due_idx ON webhook_subscription (next_attempt_at) WHERE state = 'active';
CREATE INDEX webhook_subscription_client_idx ON webhook_subscription (client_id);

-- Every attempt, for the subscription's delivery log.
CREATE TABLE webhook_attempt (
    id              bigserial PRIMARY KEY,
    subscription_id bigint      NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    -- The webhook-id header: the same for every attempt at one event, so a receiver can deduplicate.
    message_id      text        NOT NULL,
    event_cursor    text        NOT NULL,
    attempt         int         NOT NULL,
    attempted_at    timestamptz NOT NULL,
    status_code     int,
    latency_ms      int         NOT NULL,
    result          text        NOT NULL CHECK (result IN ('delivered', 'failed')),
    error           text,
    next_attempt_at timestamptz
);
CREATE INDEX webhook_attempt_subscription_idx ON webhook_attempt (subscription_id, id DESC);
