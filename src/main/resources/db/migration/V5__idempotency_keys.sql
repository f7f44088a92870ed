-- POST with Idempotency-Key: the first answer is kept and replayed for the same key and request.
CREATE TABLE idempotency_key (
    client_id    bigint      NOT NULL REFERENCES api_client (id),
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    status       int,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (client_id, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
