-- The rejects queue (отсев): every rejection of a record is kept, when it was first stored as REJECTED and at every
-- reprocess that still rejects it, so a record re-rated later still shows when and why it was rejected.
create table cdr_reject_history (
    source        text        not null,
    cdr_id        text        not null,
    start_time    timestamptz not null,
    reason        text        not null,
    reason_detail text,
    rejected_at   timestamptz not null
);
create index cdr_reject_history_key on cdr_reject_history (source, cdr_id, rejected_at);

-- when the record was last re-rated from the rejects queue
alter table cdr add column reprocessed_at timestamptz;

-- the queue lists rejected records newest first, often of one account or source, counts them by reason, and
-- reprocesses them in that order; the indexes hold the rejected rows only (a few percent)
create index cdr_rejected_start on cdr (start_time desc, id desc) include (reason) where status = 'REJECTED';
create index cdr_rejected_account on cdr (account_code, start_time desc, id desc) include (reason) where status = 'REJECTED';
create index cdr_rejected_source on cdr (source, start_time desc, id desc) include (reason) where status = 'REJECTED';

insert into cdr_reject_history (source, cdr_id, start_time, reason, reason_detail, rejected_at)
select source, cdr_id, start_time, reason, reason_detail, received_at from cdr where status = 'REJECTED';
