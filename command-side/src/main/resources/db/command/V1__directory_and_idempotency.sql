-- Command-side lookups: written in the transaction that stores the events they follow.
CREATE TABLE household_directory (
    household_id   UUID        PRIMARY KEY,
    community_code VARCHAR(12) NOT NULL
);

-- Commands sent with an Idempotency-Key, and the answer each got (per user: keys are the caller's own).
CREATE TABLE idempotency_record (
    actor           VARCHAR(200)             NOT NULL,
    idempotency_key VARCHAR(200)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          INTEGER,
    location        VARCHAR(500),
    version         BIGINT,
    event_position  BIGINT,
    body            VARCHAR,
    PRIMARY KEY (actor, idempotency_key)
);
