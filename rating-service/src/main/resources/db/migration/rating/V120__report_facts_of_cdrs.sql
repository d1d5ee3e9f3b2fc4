-- Reports (issue 19): rating keeps billing's report facts (report_call_day, report_line_day, billing V111) up to
-- date where CDRs are stored. One statement trigger per statement on cdr (intake's COPY of a chunk, re-rating's
-- and reprocessing's updates) groups the rows it changed in SQL and upserts the sums: rows added count +1, rows
-- replaced -1, so the facts always equal the CDRs. The dimensions rating derives (time band, caller origin,
-- destination class) are written once (report_dims_sql) for the triggers, the backfill and the drill-down view.

-- The dimensions rating derives from a CDR {a}, as SQL text over that alias: the day (Moscow), the time band (PEAK
-- on a working day from 08:00 to 19:59:59 Moscow time, the holiday calendar once per statement), the caller's origin
-- and the destination class by the longest prefix, the trunk. One definition for the triggers, the backfill and the
-- drill-down view; plain expressions, evaluated in the statement itself (a function call per row costs 10-20 µs).
create function report_dims_sql(a text) returns text language sql immutable as $f$
    select format($$
        (%1$s.start_time at time zone 'Europe/Moscow')::date as day,
        case when extract(isodow from %1$s.start_time at time zone 'Europe/Moscow') < 6
                  and (%1$s.start_time at time zone 'Europe/Moscow')::time >= time '08:00'
                  and (%1$s.start_time at time zone 'Europe/Moscow')::time < time '20:00'
                  and (%1$s.start_time at time zone 'Europe/Moscow')::date <> all (array(select h.day from holiday h))
             then 'PEAK' else 'OFF_PEAK' end as time_band,
        coalesce(case when %1$s.call_type in ('INBOUND_800', 'FORWARD') and length(%1$s.caller) = 11 then
            (select p.origin from origin_prefix p where %1$s.caller like p.prefix || '%%'
              order by length(p.prefix) desc limit 1) end, '') as caller_origin,
        coalesce((select p.destination_class from destination_prefix p
                   where (case when %1$s.call_type in ('OUTBOUND', 'SURVEY', 'INFORMING') then %1$s.called
                               when %1$s.call_type in ('FORWARD', 'VIRTUAL_OFFICE') then %1$s.record ->> 'forwardedTo' end)
                         like p.prefix || '%%'
                   order by length(p.prefix) desc limit 1), '') as destination_class,
        coalesce(%1$s.record ->> 'trunk', '') as trunk
    $$, a)
$f$;

-- the two statements that add the rows of relation {rows} (columns of cdr and a column sign, +1 or -1) to the facts:
-- each groups the rows once by day and appends the sums to the pending facts (report_call_pending,
-- report_line_pending: no index, no key, so concurrent chunks never wait for each other and an append costs a heap
-- insert); report_fold_pending() folds them into the daily and monthly facts every few seconds
create function report_facts_sql(rows text) returns text[] language sql immutable as $f$
    select array[format($$
        with d as (select r.*, %2$s from (%1$s) r),
        g as (select d.day, coalesce(d.account_code, '') as account_code, d.call_type, d.source, d.status,
                     coalesce(d.reason, '') as reason, coalesce(d.tariff_code, '') as tariff_code,
                     coalesce(d.tariff_version, 0) as tariff_version, d.caller_origin, d.destination_class, d.time_band,
                     d.trunk, sum(d.sign) as calls, coalesce(sum(d.sign) filter (where d.duration_sec > 0), 0) as answered,
                     sum(d.sign * d.duration_sec) as duration_sec,
                     coalesce(sum(d.sign * (select sum((l ->> 'billedSeconds')::bigint) from jsonb_array_elements(d.lines) l)), 0)
                         as billed_sec,
                     coalesce(sum(d.sign * d.total), 0) as amount
                from d group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
        insert into report_call_pending select * from g
        $$, rows, report_dims_sql('r')), format($$
        with x as (
            select (d.start_time at time zone 'Europe/Moscow')::date as day, coalesce(d.account_code, '') as account_code,
                   d.call_type, d.source, coalesce(d.tariff_code, '') as tariff_code,
                   coalesce(d.tariff_version, 0) as tariff_version, l.value ->> 'component' as component,
                   coalesce(d.record -> 'stages' -> ((l.value ->> 'stage')::int) ->> 'operatorId', '') as operator_id,
                   d.sign, (l.value ->> 'billedSeconds')::bigint as billed_sec, (l.value ->> 'amount')::numeric as amount,
                   -- a call counts once per component and operator, however many lines it has there
                   case when row_number() over (partition by d.source, d.cdr_id, d.sign, l.value ->> 'component',
                             d.record -> 'stages' -> ((l.value ->> 'stage')::int) ->> 'operatorId') = 1
                        then 1 else 0 end as first
              from (%1$s) d cross join lateral jsonb_array_elements(d.lines) l
             where d.status = 'RATED'),
        g as (select x.day, x.account_code, x.call_type, x.source, x.tariff_code, x.tariff_version, x.component,
                     x.operator_id, coalesce(o.site, '') as site, sum(x.sign * x.first) as calls, sum(x.sign) as lines,
                     sum(x.sign * x.billed_sec) as billed_sec, sum(x.sign * x.amount) as amount
                from x left join operator o on o.operator_id = nullif(x.operator_id, '')
               group by 1, 2, 3, 4, 5, 6, 7, 8, 9)
        insert into report_line_pending select * from g
        $$, rows)]
$f$;

-- moves the pending facts into the daily and the monthly facts, in one transaction: a report reads the facts and the
-- pending rows in one statement (billing's report.ReportSql), so it counts every CDR once, before and after a fold.
-- The pending rows of many chunks are grouped once, so each fact is updated once per fold however many chunks
-- added to it; upserts in key order, so two folds at once wait for each other and never deadlock (and the second
-- skips the rows the first deleted). Answers how many pending rows it folded.
create function report_fold_pending() returns bigint language plpgsql as $$
declare
    folded_calls bigint;
    folded_lines bigint;
begin
    with moved as (delete from report_call_pending returning *),
    g as (select day, account_code, call_type, source, status, reason, tariff_code, tariff_version, caller_origin,
                 destination_class, time_band, trunk, sum(calls) as calls, sum(answered) as answered,
                 sum(duration_sec) as duration_sec, sum(billed_sec) as billed_sec, sum(amount) as amount, count(*) as n
            from moved group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
    daily as (
        insert into report_call_day as f
        select day, account_code, call_type, source, status, reason, tariff_code, tariff_version, caller_origin,
               destination_class, time_band, trunk, calls, answered, duration_sec, billed_sec, amount
          from g order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
        on conflict (day, account_code, call_type, source, status, reason, tariff_code, tariff_version, caller_origin,
                     destination_class, time_band, trunk)
        do update set calls = f.calls + excluded.calls, answered = f.answered + excluded.answered,
                      duration_sec = f.duration_sec + excluded.duration_sec,
                      billed_sec = f.billed_sec + excluded.billed_sec, amount = f.amount + excluded.amount),
    monthly as (
        insert into report_call_month as f
        select date_trunc('month', g.day)::date, account_code, call_type, source, status, reason, tariff_code,
               tariff_version, caller_origin, destination_class, time_band, trunk, sum(calls), sum(answered),
               sum(duration_sec), sum(billed_sec), sum(amount)
          from g group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
        on conflict (day, account_code, call_type, source, status, reason, tariff_code, tariff_version, caller_origin,
                     destination_class, time_band, trunk)
        do update set calls = f.calls + excluded.calls, answered = f.answered + excluded.answered,
                      duration_sec = f.duration_sec + excluded.duration_sec, billed_sec = f.billed_sec + excluded.billed_sec,
                      amount = f.amount + excluded.amount)
    select coalesce(sum(n), 0) into folded_calls from g;
    with moved as (delete from report_line_pending returning *),
    g as (select day, account_code, call_type, source, tariff_code, tariff_version, component, operator_id, site,
                 sum(calls) as calls, sum(lines) as lines, sum(billed_sec) as billed_sec, sum(amount) as amount,
                 count(*) as n
            from moved group by 1, 2, 3, 4, 5, 6, 7, 8, 9),
    daily as (
        insert into report_line_day as f
        select day, account_code, call_type, source, tariff_code, tariff_version, component, operator_id, site, calls,
               lines, billed_sec, amount
          from g order by 1, 2, 3, 4, 5, 6, 7, 8, 9
        on conflict (day, account_code, call_type, source, tariff_code, tariff_version, component, operator_id, site)
        do update set calls = f.calls + excluded.calls, lines = f.lines + excluded.lines,
                      billed_sec = f.billed_sec + excluded.billed_sec, amount = f.amount + excluded.amount),
    monthly as (
        insert into report_line_month as f
        select date_trunc('month', g.day)::date, account_code, call_type, source, tariff_code, tariff_version, component,
               operator_id, site, sum(calls), sum(lines), sum(billed_sec), sum(amount)
          from g group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3, 4, 5, 6, 7, 8, 9
        on conflict (day, account_code, call_type, source, tariff_code, tariff_version, component, operator_id, site)
        do update set calls = f.calls + excluded.calls, lines = f.lines + excluded.lines,
                      billed_sec = f.billed_sec + excluded.billed_sec, amount = f.amount + excluded.amount)
    select coalesce(sum(n), 0) into folded_lines from g;
    return folded_calls + folded_lines;
end $$;

create function report_facts_on_cdr() returns trigger language plpgsql as $$
declare
    rows text;
    statement text;
begin
    rows := case tg_op
        when 'INSERT' then 'select n.*, 1 as sign from report_new n'
        when 'DELETE' then 'select o.*, -1 as sign from report_old o'
        else 'select n.*, 1 as sign from report_new n union all select o.*, -1 as sign from report_old o' end;
    foreach statement in array report_facts_sql(rows) loop
        execute statement;
    end loop;
    return null;
end $$;

create trigger cdr_report_facts_insert after insert on cdr referencing new table as report_new
    for each statement execute function report_facts_on_cdr();
create trigger cdr_report_facts_update after update on cdr referencing old table as report_old new table as report_new
    for each statement execute function report_facts_on_cdr();
create trigger cdr_report_facts_delete after delete on cdr referencing old table as report_old
    for each statement execute function report_facts_on_cdr();

-- the CDRs stored before: added once
do $$
declare
    statement text;
begin
    foreach statement in array report_facts_sql('select c.*, 1 as sign from cdr c') loop
        execute statement;
    end loop;
    perform report_fold_pending();
end $$;

-- the calls behind a report's cell: each CDR with the dimensions the facts group it by
do $$
begin
    execute format('create view report_cdr as select c.*, %s from cdr c', report_dims_sql('c'));
end $$;
