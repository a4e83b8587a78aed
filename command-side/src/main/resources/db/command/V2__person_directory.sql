-- Which household each person belongs to (last known), and the national ID each holds: one holder per ID,
-- enforced by the unique constraint in the transaction that stores the events.
CREATE TABLE person_directory (
    person_id    UUID PRIMARY KEY,
    national_id  VARCHAR(18),
    household_id UUID NOT NULL,
    CONSTRAINT person_directory_national_id_key UNIQUE (national_id)
);
