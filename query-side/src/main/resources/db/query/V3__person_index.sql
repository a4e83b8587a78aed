-- The person index (人口信息索引): every person on the register, searchable by area, name, ID and residency.
CREATE TABLE person_index (
    person_id           UUID         PRIMARY KEY,
    national_id         VARCHAR(18),
    name                VARCHAR(50)  NOT NULL,
    sex                 VARCHAR(6)   NOT NULL,
    birth_date          DATE         NOT NULL,
    ethnicity           VARCHAR(20),
    marital_status      VARCHAR(10)  NOT NULL,
    residency           VARCHAR(12)  NOT NULL,
    -- the current household (null when none); the area follows area_household_id, the current or last one
    household_id        UUID,
    relation_to_head    VARCHAR(10),
    area_household_id   UUID         NOT NULL,
    community_code      VARCHAR(12)  NOT NULL,
    township_code       VARCHAR(9)   NOT NULL,
    county_code         VARCHAR(6)   NOT NULL,
    resident_since      DATE,
    origin              VARCHAR(200),
    certificate_number  VARCHAR(40),
    certificate_expiry  DATE,
    mother_id           UUID,
    father_id           UUID,
    -- the global position of the registering event: orders twins by registration
    registered_position BIGINT       NOT NULL,
    died_on             DATE,
    version             BIGINT       NOT NULL
);
CREATE INDEX person_index_community ON person_index (community_code);
CREATE INDEX person_index_township ON person_index (township_code);
CREATE INDEX person_index_county ON person_index (county_code);
CREATE INDEX person_index_national_id ON person_index (national_id);
CREATE INDEX person_index_name ON person_index (name);
CREATE INDEX person_index_mother ON person_index (mother_id);
CREATE INDEX person_index_area_household ON person_index (area_household_id);

-- Where each household is, as the person index needs it for the areas of its members.
CREATE TABLE person_index_household (
    household_id   UUID        PRIMARY KEY,
    community_code VARCHAR(12) NOT NULL
);
