-- What eligibility checks need to know of a person's children, kept in the events' transaction.
ALTER TABLE person_directory ADD COLUMN sex VARCHAR(6);
ALTER TABLE person_directory ADD COLUMN birth_date DATE;
ALTER TABLE person_directory ADD COLUMN died_on DATE;
ALTER TABLE person_directory ADD COLUMN mother_id UUID;
ALTER TABLE person_directory ADD COLUMN father_id UUID;
CREATE INDEX person_directory_mother ON person_directory (mother_id);
CREATE INDEX person_directory_father ON person_directory (father_id);

-- Every benefit claim with its owner, and when it was granted and ended: the claims a payment run pays.
CREATE TABLE claim_directory (
    claim_id   UUID        PRIMARY KEY,
    person_id  UUID        NOT NULL,
    programme  VARCHAR(30) NOT NULL,
    granted_on DATE,
    ended_on   DATE
);
CREATE INDEX claim_directory_programme_granted ON claim_directory (programme, granted_on);
CREATE INDEX household_directory_community ON household_directory (community_code);

-- db-scheduler's table: the durable deadlines of public notices and of awards that end when a child turns 14.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(200)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(100),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
