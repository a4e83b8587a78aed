-- HouseholdRegistered and HouseholdRelocated revision 2 keep the postal code beside the address. Rows written
-- before it hold the code, if at all, at the end of the address: a replay of household-register splits them as
-- the upcaster does (POST /api/admin/projections/household-register/replay).
ALTER TABLE household_register ADD COLUMN postal_code VARCHAR(6);
