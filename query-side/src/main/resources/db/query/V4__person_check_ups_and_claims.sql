-- A person's check-ups and benefit claims, as the person index shows them with the person.
CREATE TABLE person_check_up (
    check_up_id   UUID         PRIMARY KEY,
    person_id     UUID         NOT NULL,
    type          VARCHAR(30)  NOT NULL,
    check_up_date DATE         NOT NULL,
    facility      VARCHAR(200) NOT NULL,
    result        VARCHAR(20)  NOT NULL,
    risk_level    VARCHAR(10),
    notes         VARCHAR(2000),
    follow_up_due DATE
);
CREATE INDEX person_check_up_person ON person_check_up (person_id);

CREATE TABLE person_claim (
    claim_id        UUID          PRIMARY KEY,
    person_id       UUID          NOT NULL,
    programme       VARCHAR(30)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    filed_on        DATE          NOT NULL,
    notice_ends_at  TIMESTAMP WITH TIME ZONE,
    open_objections INTEGER       NOT NULL,
    granted_on      DATE,
    ended_on        DATE,
    end_reason      VARCHAR(20),
    paid_total      NUMERIC(14, 2) NOT NULL
);
CREATE INDEX person_claim_person ON person_claim (person_id);
