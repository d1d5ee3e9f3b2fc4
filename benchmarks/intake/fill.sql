-- Fills cdr and cdr_key with generated CDRs, numbers :first to :last, for the lookup and listing measurements of
-- BENCHMARKS.md: 10,000 accounts (ACC-B0000..ACC-B9999), start times every 3 s from 2026-01-01 (10M rows span
-- 2026), four priced lines each as the engine stores them, 2% rejected. In steps of a million:
--   for i in $(seq 0 9); do psql ... -v first=$((i*1000000+1)) -v last=$(((i+1)*1000000)) -f fill.sql; done
\set ON_ERROR_STOP on
\timing on
insert into cdr_key (source, cdr_id, start_time)
select 'fill-' || (g % 8), 'f' || g, timestamptz '2026-01-01 00:00:00+03' + g * interval '3 seconds'
  from generate_series(:first, :last) g;

insert into cdr (source, cdr_id, start_time, received_at, call_type, caller, called, duration_sec, account_code,
                 status, reason, reason_detail, tariff_code, tariff_version, total, lines, record)
select 'fill-' || (g % 8), 'f' || g, timestamptz '2026-01-01 00:00:00+03' + g * interval '3 seconds', now(),
       'INBOUND_800', '7916' || lpad((g % 10000000)::text, 7, '0'), '78005553535', 295,
       'ACC-B' || lpad((g % 10000)::text, 4, '0'),
       case when g % 50 = 0 then 'REJECTED' else 'RATED' end,
       case when g % 50 = 0 then 'UNKNOWN_OPERATOR' end,
       case when g % 50 = 0 then 'no operator OP-999' end,
       'CC-STANDARD-2026', 1,
       case when g % 50 = 0 then null else 91.68 end,
       case when g % 50 = 0 then '[]'::jsonb else '[
         {"component":"NETWORK","amount":"14.50","billedSeconds":300,"rate":"2.90","note":"every started minute (NetworkMinute[MOBILE, PEAK])"},
         {"component":"IVR","stage":0,"amount":"0.70","billedSeconds":35,"rate":"1.20","note":"per second, half rate: the call reached an operator (IvrMinute[INBOUND_800] x 0.5)"},
         {"component":"OPERATOR","stage":1,"amount":"72.00","billedSeconds":240,"rate":"18.00","note":"first operator, every started minute (OperatorMinute[MSK])"},
         {"component":"POST","stage":2,"amount":"4.48","billedSeconds":60,"rate":"4.48","note":"post-processing fee (PostProcessingFee[INBOUND_800])"}]'::jsonb end,
       jsonb_build_object('source', 'fill-' || (g % 8), 'cdrId', 'f' || g, 'callType', 'INBOUND_800',
                          'startTime', to_char((timestamptz '2026-01-01 00:00:00+03' + g * interval '3 seconds') at time zone 'UTC',
                                                 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                          'caller', '7916' || lpad((g % 10000000)::text, 7, '0'), 'called', '78005553535',
                          'stages', '[{"type":"IVR","durationSec":35},{"type":"OPERATOR","durationSec":200,"operatorId":"OP-102"},{"type":"POST","durationSec":60}]'::jsonb)
  from generate_series(:first, :last) g;
