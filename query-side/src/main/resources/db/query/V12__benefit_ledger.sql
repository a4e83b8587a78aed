-- The benefit ledger (奖励扶助台账): claims with their stage, payments per claim and period.
CREATE TABLE benefit_claim (
    claim_id            UUID          PRIMARY KEY,
    person_id           UUID          NOT NULL,
    programme           VARCHAR(30)   NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    filed_on            DATE          NOT NULL,
    notice_started_at   TIMESTAMP WITH TIME ZONE,
    notice_ends_at      TIMESTAMP WITH TIME ZONE,
    open_objections     INTEGER       NOT NULL,
    granted_on          DATE,
    granted_recorded_at TIMESTAMP WITH TIME ZONE,
    ended_on            DATE,
    end_reason          VARCHAR(20),
    ended_recorded_at   TIMESTAMP WITH TIME ZONE,
    recertified_year    INTEGER,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX benefit_claim_person ON benefit_claim (person_id);
CREATE INDEX benefit_claim_status ON benefit_claim (status);
CREATE INDEX benefit_claim_granted ON benefit_claim (granted_on);

-- At most one payment per claim and period (a repeated payment run pays nobody twice).
CREATE TABLE benefit_payment (
    claim_id     UUID          NOT NULL,
    period       VARCHAR(7)    NOT NULL,
    person_id    UUID          NOT NULL,
    programme    VARCHAR(30)   NOT NULL,
    amount       DECIMAL(12,2) NOT NULL,
    -- the first day of the period (a month or a year): what a report for [from, to] counts by
    period_start DATE          NOT NULL,
    paid_on      DATE          NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the area whose payment it was: the recipient's household's when the payment was recorded
    community_code VARCHAR(12) NOT NULL,
    township_code  VARCHAR(9)  NOT NULL,
    county_code    VARCHAR(6)  NOT NULL,
    PRIMARY KEY (claim_id, period)
);
CREATE INDEX benefit_payment_person ON benefit_payment (person_id);
CREATE INDEX benefit_payment_community ON benefit_payment (community_code, period_start);
CREATE INDEX benefit_payment_township ON benefit_payment (township_code, period_start);
CREATE INDEX benefit_payment_county ON benefit_payment (county_code, period_start, programme, amount, person_id);

-- The claimants as the claims ledger and the notice board show them: name, ID and the area of the household they
-- belong to now (or last belonged to).
CREATE TABLE benefit_person (
    person_id      UUID        PRIMARY KEY,
    name           VARCHAR(50) NOT NULL,
    national_id    VARCHAR(18),
    household_id   UUID        NOT NULL,
    community_code VARCHAR(12) NOT NULL,
    township_code  VARCHAR(9)  NOT NULL,
    county_code    VARCHAR(6)  NOT NULL
);
CREATE INDEX benefit_person_household ON benefit_person (household_id);
CREATE INDEX benefit_person_community ON benefit_person (community_code);
CREATE INDEX benefit_person_township ON benefit_person (township_code);
CREATE INDEX benefit_person_county ON benefit_person (county_code);

CREATE TABLE benefit_household (
    household_id   UUID        PRIMARY KEY,
    community_code VARCHAR(12) NOT NULL
);

-- What was paid, by community, programme and period, kept with the payments: a report's amount paid is a sum over
-- a few hundred rows for a county, not over its hundreds of thousands of payments.
CREATE TABLE benefit_payment_tally (
    community_code VARCHAR(12)   NOT NULL,
    township_code  VARCHAR(9)    NOT NULL,
    county_code    VARCHAR(6)    NOT NULL,
    programme      VARCHAR(30)   NOT NULL,
    period_start   DATE          NOT NULL,
    payments       BIGINT        NOT NULL,
    amount         DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (community_code, programme, period_start)
);
CREATE INDEX benefit_payment_tally_township ON benefit_payment_tally (township_code, period_start);
CREATE INDEX benefit_payment_tally_county ON benefit_payment_tally (county_code, period_start);
