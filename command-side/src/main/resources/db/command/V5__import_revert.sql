-- An import taken back (POST /api/imports/{id}/revert): who took it back, when, and why. The events of the revert
-- (PersonEnteredInError, HouseholdEnteredInError) are in the event store; this is the import's own summary.
ALTER TABLE import_run ADD COLUMN reverted_by   VARCHAR(100);
ALTER TABLE import_run ADD COLUMN reverted_at   TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_run ADD COLUMN revert_reason VARCHAR(500);
