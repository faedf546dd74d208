-- The signed record itself, for evidence kept in the state database as well as on a target or in a
-- folder (wipe certificates: the signed JSON envelope). NULL for records held only elsewhere.
ALTER TABLE kho_evidence ADD COLUMN document TEXT;
