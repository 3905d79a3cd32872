-- HQ schema 11 (issue 18): an import alarm keeps its declared message beside its English text, as JSON
-- {"code", "template", "params"}, so the HQ app shows it in the admin's language (the command line keeps
-- printing `detail`). Alarms raised before this schema keep NULL here and are shown as stored.
ALTER TABLE hq_alarms ADD COLUMN message TEXT;
