-- The household register (户籍册). Area columns at each level, so area roll-ups are index equalities.
CREATE TABLE household_register (
    household_id     UUID         PRIMARY KEY,
    community_code   VARCHAR(12)  NOT NULL,
    township_code    VARCHAR(9)   NOT NULL,
    county_code      VARCHAR(6)   NOT NULL,
    address          VARCHAR(200) NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    household_number VARCHAR(40),
    registered_on    DATE         NOT NULL,
    version          BIGINT       NOT NULL
);
CREATE INDEX household_register_community ON household_register (community_code);
CREATE INDEX household_register_township ON household_register (township_code);
CREATE INDEX household_register_county ON household_register (county_code);
