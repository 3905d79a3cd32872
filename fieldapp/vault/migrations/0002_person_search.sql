-- Schema 2: search persons by any name in any script, alias, document number or temporary id.
-- The body is built exactly as projections._index_person builds it (`fieldapp check` compares them).
-- Trigram tokens match any substring, which Khmer, Thai and Chinese (no spaces between words) need.
-- Rows are keyed by the person's rowid: person_id is UNINDEXED, so deleting by it would scan the index.
CREATE VIRTUAL TABLE person_search USING fts5 (person_id UNINDEXED, body, tokenize = 'trigram');
INSERT INTO person_search (rowid, person_id, body)
    SELECT rowid, id, temp_id || ' ' || name || ' ' || name_own || ' ' || document_no ||
               coalesce(' ' || (SELECT group_concat(value, ' ') FROM json_each(persons.data, '$.aliases')), '')
    FROM persons;
CREATE INDEX persons_by_nationality ON persons (nationality);
CREATE INDEX persons_by_outcome ON persons (outcome);

-- The last temporary-id number given per operation and device tag, so the next is found in O(1).
CREATE TABLE temp_id_counters (
    operation_id TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    last_number  INTEGER NOT NULL,
    PRIMARY KEY (operation_id, prefix)
);
INSERT INTO temp_id_counters (operation_id, prefix, last_number)
    SELECT operation_id, rtrim(temp_id, '0123456789'),
           max(CAST(substr(temp_id, length(rtrim(temp_id, '0123456789')) + 1) AS INTEGER))
    FROM persons GROUP BY operation_id, rtrim(temp_id, '0123456789');
