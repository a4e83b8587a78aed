-- What each user recorded, when: the event store indexed by the actor of each event's metadata, for
-- GET /api/audit?actor=&from=&to=. The events themselves are read from the store by their position. An index of
-- its own rather than an expression index on the metadata JSON, which PostgreSQL has and H2 has not.
CREATE TABLE audit_actor_event (
    position    BIGINT                   PRIMARY KEY,
    actor       VARCHAR(100)             NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    record_id   VARCHAR(255)             NOT NULL,
    type        VARCHAR(100)             NOT NULL
);
CREATE INDEX audit_actor_event_actor ON audit_actor_event (actor, recorded_at);
