-- Report benchmark data: CDRs :first..:last of a year of 10,000,000 (a call every 3.15 s through 2026) written
-- straight into cdr, then their report facts grouped in SQL (report_facts_sql, rating V120: the grouping the facts
-- triggers did before rating V121 moved it to Java at intake) and folded, one statement per million.
-- 2,000 accounts, each on one of 8 switches; 70% INBOUND_800 (mobile, Moscow or other callers), 20% OUTBOUND,
-- 10% FORWARD over 4 trunks; IVR and operator stages with 60 operators on 3 sites; 1 in 7 unanswered; 2% rejected
-- for one of three reasons. Run once with :first = 0 for the accounts and operators.
\set ON_ERROR_STOP on
\timing on
insert into account (code, client_name, sales_manager)
select 'ACC-R' || lpad(a::text, 4, '0'), 'ООО «Клиент ' || a || '»', case when a % 10 = 0 then 'sales' end
  from generate_series(0, 1999) a
 where :first = 0
on conflict do nothing;
insert into operator (operator_id, site, name)
select 'ROP-' || lpad(o::text, 2, '0'), (array['MSK', 'NSK', 'EKB'])[o % 3 + 1], 'Оператор ' || o
  from generate_series(0, 59) o
 where :first = 0
on conflict do nothing;

-- lines and record in the compact forms of rating's V122 (cdr_lines_encode, cdr_record_encode)
insert into cdr (source, cdr_id, start_time, received_at, call_type, caller, called, duration_sec, account_code,
                 status, reason, reason_detail, tariff_code, tariff_version, total, trunk_code, forwarded_to, lines, record)
select 'pbx-' || (a % 8), 'r' || g, t, t, type, caller, called, dur, 'ACC-R' || lpad(a::text, 4, '0'),
       case when rej then 'REJECTED' else 'RATED' end,
       case when rej then (array['UNKNOWN_OPERATOR', 'NO_RATE', 'UNKNOWN_ACCOUNT'])[(g / 50) % 3 + 1] end,
       case when rej then 'сгенерировано' end,
       'CC-STANDARD-2026', 1,
       case when rej then null else round(net + ivr + op, 2) end, trunk, fwd,
       case when rej then ''::bytea else cdr_lines_encode(jsonb_build_array(
           jsonb_build_object('component', case type when 'OUTBOUND' then 'OUTBOUND' when 'FORWARD' then 'FORWARD_LEG' else 'NETWORK' end,
                              'amount', net::text, 'billedSeconds', ceil(dur / 60.0) * 60, 'rate', '2.90'),
           jsonb_build_object('component', 'IVR', 'stage', 0, 'amount', ivr::text, 'billedSeconds', 30, 'rate', '1.20'),
           jsonb_build_object('component', 'OPERATOR', 'stage', 1, 'amount', op::text, 'billedSeconds', greatest(dur - 30, 0),
                              'rate', '18.00'))) end,
       cdr_record_encode(jsonb_build_object('source', 'pbx-' || (a % 8), 'cdrId', 'r' || g, 'callType', type, 'caller', caller,
                          'called', called, 'trunk', trunk, 'forwardedTo', fwd,
                          'stages', jsonb_build_array(jsonb_build_object('type', 'IVR', 'durationSec', least(dur, 30)),
                                                      jsonb_build_object('type', 'OPERATOR', 'durationSec', greatest(dur - 30, 0),
                                                                         'operatorId', 'ROP-' || lpad((a % 60)::text, 2, '0')))),
                         'pbx-' || (a % 8), 'r' || g, type, caller, called, trunk, fwd)
  from (select g, a, t, type, dur, rej,
               case when type = 'OUTBOUND' then '7800' || lpad(a::text, 7, '0')
                    else (array['7916', '7495', '7343'])[g % 3 + 1] || lpad((g % 10000000)::text, 7, '0') end as caller,
               case when type = 'OUTBOUND' then (array['7495', '7916'])[g % 2 + 1] || lpad((g % 10000000)::text, 7, '0')
                    else '7800' || lpad(a::text, 7, '0') end as called,
               case when type <> 'INBOUND_800' then 'TR-' || (a % 4) end as trunk,
               case when type = 'FORWARD' then '7495' || lpad((g % 10000000)::text, 7, '0') end as fwd,
               round(ceil(dur / 60.0) * 2.90, 2) as net, case when dur > 0 then 0.60 else 0 end as ivr,
               round(ceil(greatest(dur - 30, 0) / 60.0) * 18.00, 2) as op
          from (select g, g % 2000 as a, timestamptz '2026-01-01 00:00:00+03' + g * interval '3.15 seconds' as t,
                       case when (g / 2000) % 10 < 7 then 'INBOUND_800' when (g / 2000) % 10 < 9 then 'OUTBOUND'
                            else 'FORWARD' end as type,
                       case when g % 7 = 0 then 0 else 30 + (g * 7919) % 600 end as dur,
                       g % 50 = 0 as rej
                  from generate_series(:first::bigint, :last::bigint) g) s) c;

-- the facts of the rows just written (intake groups them in Java; these bypass intake), then a fold
select unnest(report_facts_sql(format('select c.*, 1 as sign from cdr c where c.start_time between %L and %L'
                                      ' and c.source like %L and c.cdr_id like %L',
              timestamptz '2026-01-01 00:00:00+03' + :first * interval '3.15 seconds',
              timestamptz '2026-01-01 00:00:00+03' + :last * interval '3.15 seconds', 'pbx-%', 'r%'))) \gexec
select report_fold_pending();
