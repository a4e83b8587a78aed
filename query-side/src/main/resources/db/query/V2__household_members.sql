-- Members of each household (part of the household register), with the names the register knows them by.
CREATE TABLE household_member (
    household_id     UUID        NOT NULL,
    person_id        UUID        NOT NULL,
    relation_to_head VARCHAR(10) NOT NULL,
    since            DATE        NOT NULL,
    PRIMARY KEY (household_id, person_id)
);
CREATE INDEX household_member_person ON household_member (person_id);

CREATE TABLE household_register_person (
    person_id UUID        PRIMARY KEY,
    name      VARCHAR(50) NOT NULL
);
