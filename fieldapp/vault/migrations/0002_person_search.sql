-- Schema 2: search persons by any name in any script, alias, document number or temporary id.
-- The body is built exactly as projections._index_person builds it (`fieldapp check` compares them).
-- Trigram tokens match any substring, which Khmer, Thai and Chinese (no spaces between words) need.
CREATE VIRTUAL TABLE person_search USING fts5 (person_id UNINDEXED, body, tokenize = 'trigram');
INSERT INTO person_search (person_id, body)
    SELECT id, temp_id || ' ' || name || ' ' || name_own || ' ' || document_no ||
               coalesce(' ' || (SELECT group_concat(value, ' ') FROM json_each(persons.data, '$.aliases')), '')
    FROM persons;
CREATE INDEX persons_by_nationality ON persons (nationality);
CREATE INDEX persons_by_outcome ON persons (outcome);
