-- Schema 5: redaction of purged records' events (fieldapp/sync/purge.py, fieldapp/records/events.py).
-- The log stays append-only: the update trigger now lets through exactly one kind of change, a
-- payload replaced by its redacted form ({"redacted": true, "payload_sha256": ..., and optionally
-- "fields" holding a subset of the original fields, "reason" and "version" as they were}) on an event that is not a purge, of a record whose purge
-- event follows it in the same device's chain, that HQ has acknowledged (device_seq <= hq_acked_seq),
-- and that is not already redacted. Every other column must stay as it was (hash and signatures
-- too: they cover the original payload, which HQ holds). Every other UPDATE, and every DELETE, is
-- refused as before. coalesce(..., 0): a NULL anywhere in the test counts as "not allowed".
DROP TRIGGER events_append_only_update;
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
WHEN NOT coalesce((
        NEW.event_id IS OLD.event_id AND NEW.device_id IS OLD.device_id
    AND NEW.device_seq IS OLD.device_seq AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
    AND NEW.op IS OLD.op AND NEW.officer_id IS OLD.officer_id AND NEW.created_at IS OLD.created_at
    AND NEW.parent IS OLD.parent AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
    AND NEW.device_sig IS OLD.device_sig AND NEW.officer_sig IS OLD.officer_sig
    AND OLD.entity IN ('person', 'screening', 'photo', 'handover') AND OLD.op != 'purge'
    AND json_valid(OLD.payload) AND json_type(OLD.payload) = 'object'
    AND json_type(OLD.payload, '$.redacted') IS NULL
    AND json_valid(NEW.payload) AND json_type(NEW.payload) = 'object'
    AND json_type(NEW.payload, '$.redacted') = 'true'
    AND json_type(NEW.payload, '$.payload_sha256') = 'text'
    AND length(json_extract(NEW.payload, '$.payload_sha256')) = 64
    AND NOT EXISTS (SELECT 1 FROM json_each(NEW.payload)
                    WHERE key NOT IN ('redacted', 'payload_sha256', 'fields', 'reason', 'version'))
    AND (json_type(NEW.payload, '$.reason') IS NULL
         OR (json_type(NEW.payload, '$.reason') IS json_type(OLD.payload, '$.reason')
             AND json_extract(NEW.payload, '$.reason') IS json_extract(OLD.payload, '$.reason')))
    AND (json_type(NEW.payload, '$.version') IS NULL
         OR (json_type(NEW.payload, '$.version') IS json_type(OLD.payload, '$.version')
             AND json_extract(NEW.payload, '$.version') IS json_extract(OLD.payload, '$.version')))
    AND (json_type(NEW.payload, '$.fields') IS NULL
         OR (json_type(NEW.payload, '$.fields') = 'object' AND json_type(OLD.payload, '$.fields') = 'object'))
    AND NOT EXISTS (SELECT 1 FROM json_each(NEW.payload, '$.fields') AS kept
                    WHERE kept.type IS NOT json_type(OLD.payload, '$.fields."' || kept.key || '"')
                       OR kept.value IS NOT json_extract(OLD.payload, '$.fields."' || kept.key || '"'))
    AND OLD.device_seq <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'hq_acked_seq')
    AND EXISTS (SELECT 1 FROM events AS p WHERE p.entity_id = OLD.entity_id AND p.op = 'purge'
                AND p.device_id = OLD.device_id AND p.device_seq > OLD.device_seq)
), 0)
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
