-- Migration flows (an example of a projection added later): how many persons, and whole households, moved from
-- where to where, per month of the move. A place inside the register is its 12-digit community code, a place
-- outside it the text the clerk wrote. flow_id is derived from (month, origin, destination), so a rebuild gives
-- the same rows.
CREATE TABLE migration_flow (
    flow_id                    UUID         PRIMARY KEY,
    flow_month                 VARCHAR(7)   NOT NULL,
    origin                     VARCHAR(200) NOT NULL,
    origin_community_code      VARCHAR(12),
    destination                VARCHAR(200) NOT NULL,
    destination_community_code VARCHAR(12),
    persons                    INTEGER      NOT NULL,
    households                 INTEGER      NOT NULL
);
CREATE INDEX migration_flow_month ON migration_flow (flow_month);

-- The ends of each flow inside the register, at every area level, so an area filter is an index equality.
CREATE TABLE migration_flow_end (
    flow_id        UUID        NOT NULL,
    community_code VARCHAR(12) NOT NULL,
    township_code  VARCHAR(9)  NOT NULL,
    county_code    VARCHAR(6)  NOT NULL,
    PRIMARY KEY (flow_id, community_code)
);
CREATE INDEX migration_flow_end_community ON migration_flow_end (community_code);
CREATE INDEX migration_flow_end_township ON migration_flow_end (township_code);
CREATE INDEX migration_flow_end_county ON migration_flow_end (county_code);

-- Where each household is, and who lives in which: what the flows of moves and relocations start from.
CREATE TABLE migration_flow_household (
    household_id   UUID        PRIMARY KEY,
    community_code VARCHAR(12) NOT NULL
);
CREATE TABLE migration_flow_resident (
    person_id         UUID    PRIMARY KEY,
    household_id      UUID,
    area_household_id UUID    NOT NULL,
    lives_here        BOOLEAN NOT NULL
);
CREATE INDEX migration_flow_resident_household ON migration_flow_resident (household_id);
