-- The kind of ledger an import read (persons, births): imports before kinds were all of persons.
ALTER TABLE import_run ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'PERSONS';
