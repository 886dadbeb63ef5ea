-- A day summarized before it closed (today so far) is provisional until the nightly run writes it again.
ALTER TABLE summarized_days ADD COLUMN provisional BOOLEAN DEFAULT FALSE;
