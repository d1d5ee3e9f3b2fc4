-- Reports (issue 19): the fold keeps the fourth grain too, the facts by account and day (billing V125), from the
-- pending facts with the daily, monthly and lean daily ones, in the same transaction (no cost at intake).
-- The function is V121's with the by_account upsert of the calls added (a migration replaces a function whole).
-- Run it with no older instance folding (stop the others for the upgrade): a fold that started with V121's body just
-- before this commits would add its rows to the other grains only.
-- Moves the pending facts into every grain in one transaction: a report reads the facts and the pending rows in one
-- statement (billing's report.ReportSql), so it counts every CDR once, before and after a fold. The pending rows of
-- many chunks are grouped once, so each fact is updated once per fold; upserts in key order, so two folds at once wait
-- for each other and never deadlock. Answers how many pending rows it folded.
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
                      amount = f.amount + excluded.amount),
    by_account as (
        insert into report_call_account_day as f
        select account_code, day, status, sum(calls), sum(answered), sum(duration_sec), sum(billed_sec), sum(amount)
          from g group by 1, 2, 3 order by 1, 2, 3
        on conflict (account_code, day, status)
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
insert into report_call_account_day
select account_code, day, status, sum(calls), sum(answered), sum(duration_sec), sum(billed_sec), sum(amount)
  from report_call_day group by 1, 2, 3;
