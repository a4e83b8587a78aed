-- The flow a registration with an origin counted its arrival in: a record entered in error (an import taken back)
-- takes it off again.
ALTER TABLE migration_flow_resident ADD COLUMN arrival_flow_id UUID;
