-- The one-act anchor (ADR 0031): the rows one act on a document writes, as one transaction at
-- the database's own pace, into copies of the real tables (anchor.*, made by `create table …
-- (like public.… including all)`: same columns, defaults, checks and indexes; no triggers, no
-- foreign keys). The act is 签收登记 as measured on the app: the document read and locked, its
-- state and search text updated, its open task closed and the next one opened, two timers
-- (催办, 逾期), one notification, one flow event, and the audit record appended to the
-- jurisdiction's chain (one head row per jurisdiction, moved by the append). The 收文编号
-- counter only 签收登记 draws (one more row per jurisdiction and year) is left out: the script is
-- the act every step of the flow is.
\set n random(1, :documents)
BEGIN;
SELECT id, state, jurisdiction_id FROM anchor.documents WHERE n = :n FOR UPDATE;
UPDATE anchor.documents SET state = 'registered', due_date = current_date + 15, updated_at = now(), search = to_tsvector('simple', title) WHERE n = :n;
UPDATE anchor.document_tasks SET closed_at = now(), outcome = 'done' WHERE document_id = (SELECT id FROM anchor.documents WHERE n = :n) AND closed_at IS NULL;
INSERT INTO anchor.document_tasks (id, document_id, jurisdiction_id, assignee_post_id, kind, due_date, opened_at) SELECT gen_random_uuid(), id, jurisdiction_id, created_by_post_id, 'screen', current_date + 15, now() FROM anchor.documents WHERE n = :n;
INSERT INTO anchor.jobs (kind, run_at, jurisdiction_id, payload, dedupe_key) SELECT k, now() + d * interval '1 day', jurisdiction_id, jsonb_build_object('document', id), k || ':' || gen_random_uuid() FROM anchor.documents, (VALUES ('documents.taskDue', 10), ('documents.taskOverdue', 16)) AS t (k, d) WHERE n = :n;
INSERT INTO anchor.notifications (id, jurisdiction_id, recipient_post_id, kind, title, body, link, created_at) SELECT gen_random_uuid(), jurisdiction_id, created_by_post_id, 'task', title, '请初审', '/documents/' || id, now() FROM anchor.documents WHERE n = :n;
INSERT INTO anchor.document_events (document_id, occurred_at, actor_person_id, actor_post_id, action, opinion, rule_ids, details) SELECT id, now(), created_by_person_id, created_by_post_id, 'register', NULL, '{}', '{}' FROM anchor.documents WHERE n = :n;
WITH head AS (UPDATE anchor.audit_chain_heads SET last_seq = last_seq + 1, last_hash = md5(last_hash) WHERE jurisdiction_id = (SELECT jurisdiction_id FROM anchor.documents WHERE n = :n) RETURNING jurisdiction_id, last_seq, last_hash) INSERT INTO anchor.audit_records (jurisdiction_id, chain_seq, occurred_at, action, subject, rule_ids, details, algorithm, prev_hash, hash) SELECT jurisdiction_id, last_seq, now(), 'document.register', NULL, '{}', '{}', 'sm3', md5(last_hash), last_hash FROM head;
END;
