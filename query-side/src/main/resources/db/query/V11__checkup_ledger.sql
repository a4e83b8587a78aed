-- The check-up ledger (健康检查台账): every check-up, by the day it took place, with the instant it was recorded so
-- that a report can be reproduced as the register knew it then. Who was eligible comes from the residence history.
CREATE TABLE checkup_record (
    checkup_id     UUID         PRIMARY KEY,
    person_id      UUID         NOT NULL,
    type           VARCHAR(24)  NOT NULL,
    check_date     DATE         NOT NULL,
    facility       VARCHAR(200) NOT NULL,
    result         VARCHAR(20)  NOT NULL,
    risk_level     VARCHAR(4),
    follow_up_due  DATE,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX checkup_record_person ON checkup_record (person_id, check_date);
CREATE INDEX checkup_record_date ON checkup_record (check_date);
CREATE INDEX checkup_record_follow_up ON checkup_record (follow_up_due);
