-- Reports (issue 19): rating keeps billing's report facts (report_call_day, report_line_day, billing V111) up to
-- date where CDRs are stored. One statement trigger per statement on cdr (intake's COPY of a chunk, re-rating's
-- and reprocessing's updates) groups the rows it changed in SQL and upserts the sums: rows added count +1, rows
-- replaced -1, so the facts always equal the CDRs. The dimensions rating derives (time band, caller origin,
-- destination class) are functions, used by the triggers, the backfill and the drill-down view alike.

create function report_time_band(start_time timestamptz) returns text language sql stable as $$
    select case when extract(isodow from l) < 6 and l::time >= time '08:00' and l::time < time '20:00'
                     and not exists (select 1 from holiday h where h.day = l::date)
                then 'PEAK' else 'OFF_PEAK' end
      from (select start_time at time zone 'Europe/Moscow' as l) t
$$;

create function report_caller_origin(call_type text, caller text) returns text language sql stable as $$
    select coalesce((select p.origin from origin_prefix p
                      where call_type in ('INBOUND_800', 'FORWARD') and length(caller) = 11
                        and p.prefix = any (array(select left(caller, k) from generate_series(1, 11) k))
                      order by length(p.prefix) desc limit 1), '')
$$;

create function report_destination_class(call_type text, called text, record jsonb) returns text language sql stable as $$
    select coalesce((select p.destination_class from destination_prefix p
                      where p.prefix = any (array(select left(d.n, k) from generate_series(1, length(d.n)) k))
                      order by length(p.prefix) desc limit 1), '')
      from (select case when call_type in ('OUTBOUND', 'SURVEY', 'INFORMING') then called
                        when call_type in ('FORWARD', 'VIRTUAL_OFFICE') then record ->> 'forwardedTo' end as n) d
$$;

-- the upserts that add the rows of relation {rows} (columns of cdr and a column sign, +1 or -1) to the facts of one
-- grain: 'day' (report_call_day, report_line_day) or 'month' (report_call_month, report_line_month)
create function report_facts_sql(rows text, grain text) returns text[] language sql immutable as $f$
    select array[format($$
        insert into report_call_%2$s as f (day, account_code, call_type, source, status, reason, tariff_code,
               tariff_version, caller_origin, destination_class, time_band, trunk, calls, answered, duration_sec,
               billed_sec, amount)
        select date_trunc(%3$L, d.start_time at time zone 'Europe/Moscow')::date, coalesce(d.account_code, ''), d.call_type,
               d.source, d.status, coalesce(d.reason, ''), coalesce(d.tariff_code, ''), coalesce(d.tariff_version, 0),
               report_caller_origin(d.call_type, d.caller), report_destination_class(d.call_type, d.called, d.record),
               report_time_band(d.start_time), coalesce(d.record ->> 'trunk', ''),
               sum(d.sign), coalesce(sum(d.sign) filter (where d.duration_sec > 0), 0), sum(d.sign * d.duration_sec),
               coalesce(sum(d.sign * (select sum((l ->> 'billedSeconds')::bigint) from jsonb_array_elements(d.lines) l)), 0),
               coalesce(sum(d.sign * d.total), 0)
          from (%1$s) d
         group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
         order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 -- rows locked in key order: concurrent chunks wait, never deadlock
        on conflict (day, account_code, call_type, source, status, reason, tariff_code, tariff_version, caller_origin,
                     destination_class, time_band, trunk)
        do update set calls = f.calls + excluded.calls, answered = f.answered + excluded.answered,
                      duration_sec = f.duration_sec + excluded.duration_sec, billed_sec = f.billed_sec + excluded.billed_sec,
                      amount = f.amount + excluded.amount
        $$, rows, grain, grain), format($$
        insert into report_line_%2$s as f (day, account_code, call_type, source, tariff_code, tariff_version, component,
               operator_id, site, calls, lines, billed_sec, amount)
        select x.day, x.account_code, x.call_type, x.source, x.tariff_code, x.tariff_version, x.component,
               x.operator_id, coalesce(o.site, ''), sum(x.sign * x.first), sum(x.sign), sum(x.sign * x.billed_sec),
               sum(x.sign * x.amount)
          from (select date_trunc(%3$L, d.start_time at time zone 'Europe/Moscow')::date as day, coalesce(d.account_code, '') as account_code,
                       d.call_type, d.source, coalesce(d.tariff_code, '') as tariff_code,
                       coalesce(d.tariff_version, 0) as tariff_version, l.value ->> 'component' as component,
                       coalesce(d.record -> 'stages' -> ((l.value ->> 'stage')::int) ->> 'operatorId', '') as operator_id,
                       d.sign, (l.value ->> 'billedSeconds')::bigint as billed_sec, (l.value ->> 'amount')::numeric as amount,
                       -- a call counts once per component and operator, however many lines it has there
                       case when row_number() over (partition by d.source, d.cdr_id, d.sign, l.value ->> 'component',
                                 d.record -> 'stages' -> ((l.value ->> 'stage')::int) ->> 'operatorId') = 1
                            then 1 else 0 end as first
                  from (%1$s) d cross join lateral jsonb_array_elements(d.lines) l
                 where d.status = 'RATED') x
          left join operator o on o.operator_id = nullif(x.operator_id, '')
         group by 1, 2, 3, 4, 5, 6, 7, 8, 9
         order by 1, 2, 3, 4, 5, 6, 7, 8, 9
        on conflict (day, account_code, call_type, source, tariff_code, tariff_version, component, operator_id, site)
        do update set calls = f.calls + excluded.calls, lines = f.lines + excluded.lines,
                      billed_sec = f.billed_sec + excluded.billed_sec, amount = f.amount + excluded.amount
        $$, rows, grain, grain)]
$f$;

create function report_facts_on_cdr() returns trigger language plpgsql as $$
declare
    rows text;
    statement text;
begin
    rows := case tg_op
        when 'INSERT' then 'select n.*, 1 as sign from report_new n'
        when 'DELETE' then 'select o.*, -1 as sign from report_old o'
        else 'select n.*, 1 as sign from report_new n union all select o.*, -1 as sign from report_old o' end;
    foreach statement in array report_facts_sql(rows, 'day') || report_facts_sql(rows, 'month') loop
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
    foreach statement in array report_facts_sql('select c.*, 1 as sign from cdr c', 'day')
                               || report_facts_sql('select c.*, 1 as sign from cdr c', 'month') loop
        execute statement;
    end loop;
end $$;

-- the calls behind a report's cell: each CDR with the dimensions the facts group it by
create view report_cdr as
select c.*, (c.start_time at time zone 'Europe/Moscow')::date as day,
       report_caller_origin(c.call_type, c.caller) as caller_origin,
       report_destination_class(c.call_type, c.called, c.record) as destination_class,
       report_time_band(c.start_time) as time_band, coalesce(c.record ->> 'trunk', '') as trunk
  from cdr c;
