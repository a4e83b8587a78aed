-- Imports of an office's ledgers (issue 12): command-side work, so its state lives here, beside the directory.
-- One run per file sent (a dry run too, whose report is kept), and one row per row of the file read.
CREATE TABLE import_run (
    import_id   UUID                     PRIMARY KEY,
    file_name   VARCHAR(255)             NOT NULL,
    sha256      CHAR(64)                 NOT NULL,
    format      VARCHAR(10)              NOT NULL,
    charset     VARCHAR(20),
    dry_run     BOOLEAN                  NOT NULL,
    actor       VARCHAR(100)             NOT NULL,
    status      VARCHAR(10)              NOT NULL,
    total_rows  INTEGER                  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    failure     VARCHAR(1000)
);
CREATE INDEX import_run_started ON import_run (started_at);

CREATE TABLE import_row (
    import_id     UUID          NOT NULL,
    row_number    INTEGER       NOT NULL,
    outcome       VARCHAR(10)   NOT NULL,
    national_id   VARCHAR(18),
    household_key VARCHAR(120),
    relation      VARCHAR(10),
    household_id  UUID,
    person_id     UUID,
    problems      VARCHAR(8000),
    PRIMARY KEY (import_id, row_number)
);
CREATE INDEX import_row_national_id ON import_row (import_id, national_id);
CREATE INDEX import_row_household ON import_row (import_id, household_key);
CREATE INDEX import_row_outcome ON import_row (import_id, outcome, row_number);

-- The households imports registered (or found through a member already registered), by community and household
-- number: a row of a household whose first rows came in an earlier import joins it rather than founding another.
CREATE TABLE import_household (
    community_code   VARCHAR(12)  NOT NULL,
    household_number VARCHAR(100) NOT NULL,
    household_id     UUID         NOT NULL,
    import_id        UUID         NOT NULL,
    PRIMARY KEY (community_code, household_number)
);
