-- Where each member lives (PERMANENT, FLOATING_IN, MOVED_OUT, DECEASED) and since when, beside their name; members
-- who died stay listed. Rows written before this are filled by a replay of household-register
-- (POST /api/admin/projections/household-register/replay).
ALTER TABLE household_register_person ADD COLUMN residency VARCHAR(12);
ALTER TABLE household_register_person ADD COLUMN residency_since DATE;
