-- Fills cdr and cdr_key with generated CDRs (the compact form of rating V122/V123), numbers :first to :last, for the lookup and listing measurements of
-- BENCHMARKS.md: 10,000 accounts (ACC-B0000..ACC-B9999), start times every 3 s from 2026-01-01 (10M rows span
-- 2026), four priced lines each as the engine stores them, 2% rejected. In steps of a million:
--   for i in $(seq 0 9); do psql ... -v first=$((i*1000000+1)) -v last=$(((i+1)*1000000)) -f fill.sql; done
\set ON_ERROR_STOP on
\timing on
-- ids drawn from cdr_seq as intake draws them: cdr_key names the row it claimed (rating V123)
create temporary table fill_ids as select g, nextval('cdr_seq') as id from generate_series(:first, :last) g;

insert into cdr_key (source, cdr_id, start_time, id)
select 'fill-' || (g % 8), 'f' || g, timestamptz '2026-01-01 00:00:00+03' + g * interval '3 seconds', id
  from fill_ids;

-- the lines and the record in the compact forms of rating's V122: the lines encoded once (cdr_lines_encode); the
-- record as cdr.CompactRecords writes it: flags 2 (stages) | 32 (startTime written in UTC, offset 0), then the
-- stages IVR 35 s, OPERATOR 200 s with OP-102, POST 60 s
insert into cdr (id, source, cdr_id, start_time, received_at, call_type, caller, called, duration_sec, account_code,
                 status, reason, reason_detail, tariff_code, tariff_version, total, lines, record)
select id, 'fill-' || (g % 8), 'f' || g, timestamptz '2026-01-01 00:00:00+03' + g * interval '3 seconds', now(),
       'INBOUND_800', '7916' || lpad((g % 10000000)::text, 7, '0'), '78005553535', 295,
       'ACC-B' || lpad((g % 10000)::text, 4, '0'),
       case when g % 50 = 0 then 'REJECTED' else 'RATED' end,
       case when g % 50 = 0 then 'UNKNOWN_OPERATOR' end,
       case when g % 50 = 0 then 'no operator OP-999' end,
       'CC-STANDARD-2026', 1,
       case when g % 50 = 0 then null else 91.68 end,
       case when g % 50 = 0 then ''::bytea else (select cdr_lines_encode('[
         {"component":"NETWORK","amount":"14.50","billedSeconds":300,"rate":"2.90","note":"every started minute (NetworkMinute[MOBILE, PEAK])"},
         {"component":"IVR","stage":0,"amount":"0.70","billedSeconds":35,"rate":"1.20","note":"per second, half rate: the call reached an operator (IvrMinute[INBOUND_800] x 0.5)"},
         {"component":"OPERATOR","stage":1,"amount":"72.00","billedSeconds":240,"rate":"18.00","note":"first operator, every started minute (OperatorMinute[MSK])"},
         {"component":"POST","stage":2,"amount":"4.48","billedSeconds":60,"rate":"4.48","note":"post-processing fee (PostProcessingFee[INBOUND_800])"}]'::jsonb)) end,
       (select '\x2200030023'::bytea || '\x05c801'::bytea || cdr_varint(cdr_word_id('OP-102')) || '\x023c'::bytea)
  from fill_ids;
