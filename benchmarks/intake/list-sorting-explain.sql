-- Issue 14 follow-up: what sorting the CDR list and the rejects queue costs, as EXPLAIN ANALYZE on a throwaway
-- database (not the application's): psql -f list-sorting-explain.sql on an empty PostgreSQL 17. 600,000 CDRs over six
-- months (2,000 accounts, 3% rejected) in a copy of the cdr table's listing columns and indexes (V4, V14, V122, V123).
-- The ORDER BY clauses are those CdrStore.orderBy writes.
-- the cdr table as rating V4/V14/V122/V123 leave it (columns that listing reads), partitioned by month
create sequence cdr_seq cache 1000;
create table cdr (
    id bigint not null default nextval('cdr_seq'), source text not null, cdr_id text not null,
    start_time timestamptz not null, received_at timestamptz not null, call_type text not null,
    caller text not null, called text not null, duration_sec integer not null, caller_region text,
    caller_operator text, account_code text, status text not null, reason text, reason_detail text,
    tariff_code text, tariff_version integer, total numeric(18,2), lines bytea not null default '',
    record bytea not null default '', reprocessed_at timestamptz, trunk_code text, forwarded_to text
) partition by range (start_time);
create index cdr_account_start on cdr (account_code, start_time);
create index cdr_start on cdr (start_time desc, id desc);
create index cdr_rejected on cdr (reason, start_time) where status = 'REJECTED';
create index cdr_rejected_start on cdr (start_time desc, id desc) include (reason) where status = 'REJECTED';
create index cdr_rejected_account on cdr (account_code, start_time desc, id desc) include (reason) where status = 'REJECTED';
create index cdr_rejected_source on cdr (source, start_time desc, id desc) include (reason) where status = 'REJECTED';
create table cdr_default partition of cdr default;
do $$ declare m date; begin
  for m in select generate_series('2026-01-01'::date, '2026-06-01'::date, interval '1 month') loop
    execute format('create table %I partition of cdr for values from (%L) to (%L)', 'cdr_' || to_char(m, 'YYYY_MM'), m, m + interval '1 month');
  end loop; end $$;
-- 600,000 records over 6 months, 2,000 accounts, 3% rejected
insert into cdr (source, cdr_id, start_time, received_at, call_type, caller, called, duration_sec, account_code,
                 status, reason, total, lines, record)
select 'pbx-' || (g % 5), 'id-' || g, t, t + interval '2 minutes', case when g % 3 = 0 then 'OUTBOUND' else 'INBOUND_800' end,
       '7916' || lpad((g % 10000000)::text, 7, '0'), '78005553535', 10 + (g::bigint * 7919) % 900,
       case when g % 97 = 0 then null else 'ACC-' || (1000 + g % 2000) end,
       case when g % 33 = 0 then 'REJECTED' else 'RATED' end,
       case when g % 33 = 0 then (array['UNKNOWN_ACCOUNT','UNKNOWN_OPERATOR','NO_RATE'])[1 + g % 3] end,
       case when g % 33 = 0 then null else round(((10 + (g::bigint * 7919) % 900) * 1.53)::numeric, 2) end, '\x00', '\x00'
  from generate_series(1, 600000) g,
       lateral (select timestamptz '2026-01-01 00:00+03' + (g::double precision / 600000) * interval '180 days' as t) x;
vacuum analyze cdr;


\echo ===== default (newest first), page 1
explain (analyze, buffers, costs off, summary on) select c.* from cdr c where true order by c.start_time desc, c.id desc limit 50 offset 0;
\echo ===== startTime asc, page 1
explain (analyze, buffers, costs off, summary on) select c.* from cdr c where true order by c.start_time asc, c.id asc limit 50 offset 0;
\echo ===== old-style startTime desc nulls last (what ListOrder.sql would write)
explain (analyze, buffers, costs off, summary on) select c.* from cdr c where true order by c.start_time desc nulls last, c.id desc limit 50 offset 0;
\echo ===== total desc, unbounded (all months)
explain (analyze, buffers, costs off, summary on) select c.* from cdr c where true order by c.total desc nulls last, c.start_time desc, c.id desc limit 50 offset 0;
\echo ===== durationSec, one month
explain (analyze, buffers, costs off, summary on) select c.* from cdr c where true and c.start_time >= '2026-03-01 00:00+03' and c.start_time < '2026-04-01 00:00+03' order by c.duration_sec asc nulls last, c.start_time desc, c.id desc limit 50 offset 0;
\echo ===== total desc, one account (all months)
explain (analyze, buffers, costs off, summary on) select c.* from cdr c where true and c.account_code = 'ACC-1500' order by c.total desc nulls last, c.start_time desc, c.id desc limit 50 offset 0;
\echo ===== rejects: reason, unbounded
explain (analyze, buffers, costs off, summary on) select c.* from cdr c where c.status = 'REJECTED' order by c.reason asc nulls last, c.start_time desc, c.id desc limit 50 offset 0;
\echo ===== rejects: startTime asc, unbounded
explain (analyze, buffers, costs off, summary on) select c.* from cdr c where c.status = 'REJECTED' order by c.start_time asc, c.id asc limit 50 offset 0;
\echo ===== total desc, unbounded, page 2,001 (offset 100,000)
explain (analyze, buffers, costs off, summary on) select c.* from cdr c where true order by c.total desc nulls last, c.start_time desc, c.id desc limit 50 offset 100000;
\echo ===== default, page 2,001 (offset 100,000)
explain (analyze, buffers, costs off, summary on) select c.* from cdr c where true order by c.start_time desc, c.id desc limit 50 offset 100000;
