-- Test data for the period-close benchmark, written straight into the tables (no API, no rating):
-- 10,000 accounts on CC-STANDARD-2026, each holding an 8-800 number (every 10th also a dedicated operator),
-- and 1,000,000 rated CDRs in September 2026 (100 per account, 4 priced lines each, as the engine stores them).
-- Every 100th account has long calls: 15,000 NETWORK minutes, so its volume coefficient is 0.95.
\set ON_ERROR_STOP on
\timing on

insert into account (code, client_name)
select 'BENCH-' || lpad(i::text, 5, '0'), 'ООО «Нагрузка ' || i || '»' from generate_series(1, 10000) i;

insert into account_tariff (account_code, tariff_code, valid_from)
select 'BENCH-' || lpad(i::text, 5, '0'), 'CC-STANDARD-2026', date '2026-01-01' from generate_series(1, 10000) i;

insert into account_number (account_code, number, valid_from)
select 'BENCH-' || lpad(i::text, 5, '0'), '7801' || lpad(i::text, 7, '0'), date '2026-01-01' from generate_series(1, 10000) i;

insert into network_resource (resource, kind, status, account_code, status_since, held_from)
select '7801' || lpad(i::text, 7, '0'), 'TOLL_FREE_800', 'BUSY', 'BENCH-' || lpad(i::text, 5, '0'), date '2026-01-01',
       date '2026-01-01'
  from generate_series(1, 10000) i;

insert into dedicated_operator (account_code, operator_id, valid_from)
select 'BENCH-' || lpad(i::text, 5, '0'), 'OP-101', date '2026-09-16' from generate_series(10, 10000, 10) i;

create temporary table bench_call as
select i, j,
       'BENCH-' || lpad(i::text, 5, '0') as account,
       '7801' || lpad(i::text, 7, '0') as called,
       '7916' || lpad(((i * 7919 + j * 104729) % 10000000)::text, 7, '0') as caller,
       timestamptz '2026-09-01 00:00:00+03' + ((i * 100 + j) * 43 % 43200) * interval '1 minute' as start_time,
       case when i % 100 = 0 then 150 else 1 + (i + j) % 5 end as minutes
  from generate_series(1, 10000) i, generate_series(1, 100) j;

-- the priced lines of each call length, in the compact form of rating's V122 (cdr_lines_encode), computed once per
-- length; the record in the form cdr.CompactRecords writes: flags 2 (stages), then IVR 35 s, OPERATOR with OP-102,
-- POST 35 s (startTime rebuilt from the column, +03:00 as written here)
create temporary table bench_lines as
select minutes, cdr_lines_encode(jsonb_build_array(
           jsonb_build_object('component', 'NETWORK', 'amount', to_char(minutes * 2.90, 'FM999990.00'),
                              'billedSeconds', minutes * 60, 'rate', '2.90', 'note', 'per started minute (NetworkMinute[MOBILE, PEAK])'),
           jsonb_build_object('component', 'IVR', 'stage', 0, 'amount', '0.18', 'billedSeconds', 35, 'rate', '0.30',
                              'note', 'IVR with an operator: half rate (IvrMinute[INBOUND_800])'),
           jsonb_build_object('component', 'OPERATOR', 'stage', 1, 'amount', '36.00', 'billedSeconds', 120, 'rate', '18.00',
                              'note', 'first operator stage per started minute (OperatorMinute[MSK])'),
           jsonb_build_object('component', 'POST', 'stage', 2, 'amount', '5.00', 'billedSeconds', 0, 'rate', '5.00',
                              'note', 'once per call (PostProcessingFee[INBOUND_800])'))) as lines
  from (select distinct minutes from bench_call) m;

create temporary table bench_ids as
select i, j, nextval('cdr_seq') as id from bench_call;

insert into cdr_key (source, cdr_id, start_time, id)
select 'bench', c.i || '-' || c.j, c.start_time, b.id from bench_call c join bench_ids b using (i, j);

insert into cdr (id, source, cdr_id, start_time, received_at, call_type, caller, called, duration_sec, account_code,
                 status, tariff_code, tariff_version, total, lines, record)
select b.id, 'bench', c.i || '-' || c.j, c.start_time, c.start_time + interval '1 minute', 'INBOUND_800', c.caller,
       c.called, c.minutes * 60 - 25, c.account, 'RATED', 'CC-STANDARD-2026', 1,
       c.minutes * 2.90 + 0.18 + 36.00 + 5.00,
       l.lines,
       '\x0203002305'::bytea || cdr_varint(greatest(c.minutes * 60 - 95, 0)) || (select cdr_varint(cdr_word_id('OP-102')))
           || '\x0223'::bytea
  from bench_call c join bench_ids b using (i, j) join bench_lines l using (minutes);

analyze cdr;
analyze account;
