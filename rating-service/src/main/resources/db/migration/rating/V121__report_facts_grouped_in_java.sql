-- Reports (issue 19): the report facts are grouped in Java where CDRs are stored, re-rated and reprocessed
-- (cdr.ReportFactsAtIntake, in the same transaction: a COPY of the grouped rows into report_call_pending and
-- report_line_pending each), no longer by statement triggers on cdr. report_dims_sql and report_facts_sql stay: the
-- drill-down view report_cdr and backfills (e.g. benchmarks/reports/generate.sql) use them, and a test proves the
-- Java grouping equals a fresh group by over cdr through them.
drop trigger cdr_report_facts_insert on cdr;
drop trigger cdr_report_facts_update on cdr;
drop trigger cdr_report_facts_delete on cdr;
drop function report_facts_on_cdr();

-- the third grain, daily facts without the account-level dimensions (billing V119): the fold keeps them from the
-- pending facts with the daily and the monthly ones (no cost at intake), in the same transaction
-- moves the pending facts into the daily, the monthly and the lean daily facts (billing V119), in one transaction: a report reads the facts and the
-- pending rows in one statement (billing's report.ReportSql), so it counts every CDR once, before and after a fold.
-- The pending rows of many chunks are grouped once, so each fact is updated once per fold however many chunks
-- added to it; upserts in key order, so two folds at once wait for each other and never deadlock (and the second
-- skips the rows the first deleted). Answers how many pending rows it folded.
create or replace function report_fold_pending() returns bigint language plpgsql as $$
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
                      amount = f.amount + excluded.amount),
    lean as (
        insert into report_call_day_lean as f
        select day, call_type, source, status, reason, tariff_code, tariff_version, caller_origin, destination_class,
               time_band, trunk, sum(calls), sum(answered), sum(duration_sec), sum(billed_sec), sum(amount)
          from g group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        on conflict (day, call_type, source, status, reason, tariff_code, tariff_version, caller_origin,
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
                      billed_sec = f.billed_sec + excluded.billed_sec, amount = f.amount + excluded.amount),
    lean as (
        insert into report_line_day_lean as f
        select day, call_type, source, tariff_code, tariff_version, component, operator_id, site, sum(calls),
               sum(lines), sum(billed_sec), sum(amount)
          from g group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2, 3, 4, 5, 6, 7, 8
        on conflict (day, call_type, source, tariff_code, tariff_version, component, operator_id, site)
        do update set calls = f.calls + excluded.calls, lines = f.lines + excluded.lines,
                      billed_sec = f.billed_sec + excluded.billed_sec, amount = f.amount + excluded.amount)
    select coalesce(sum(n), 0) into folded_lines from g;
    return folded_calls + folded_lines;
end $$;

-- filled from the daily facts (the pending ones go in at the next fold)
insert into report_call_day_lean
select day, call_type, source, status, reason, tariff_code, tariff_version, caller_origin, destination_class,
       time_band, trunk, sum(calls), sum(answered), sum(duration_sec), sum(billed_sec), sum(amount)
  from report_call_day group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;
insert into report_line_day_lean
select day, call_type, source, tariff_code, tariff_version, component, operator_id, site, sum(calls), sum(lines),
       sum(billed_sec), sum(amount)
  from report_line_day group by 1, 2, 3, 4, 5, 6, 7, 8;
