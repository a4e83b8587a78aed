-- Monthly reports (月报): each area's report of a month, its latest revision and its figures exactly as filed
-- (the JSON of MonthlyFiguresView, from the filing event). late is about the first filing, which the on-time rate
-- counts.
CREATE TABLE monthly_report (
    report_id      VARCHAR(30)  PRIMARY KEY,
    area_code      VARCHAR(12)  NOT NULL,
    report_month   VARCHAR(7)   NOT NULL,
    status         VARCHAR(10)  NOT NULL,
    revision       INTEGER      NOT NULL,
    due_on         DATE         NOT NULL,
    late           BOOLEAN      NOT NULL,
    first_filed_on DATE         NOT NULL,
    filed_by       VARCHAR(100) NOT NULL,
    filed_on       DATE         NOT NULL,
    filed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    figures        TEXT         NOT NULL,
    returned_revision INTEGER,
    return_reason  VARCHAR(500),
    returned_by    VARCHAR(100),
    returned_on    DATE,
    approved_by    VARCHAR(100),
    approved_on    DATE
);
CREATE INDEX monthly_report_month ON monthly_report (report_month, area_code);
