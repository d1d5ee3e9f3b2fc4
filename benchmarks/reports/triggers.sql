-- For the intake benchmark's comparison only (intake.sh): the statement triggers on cdr of rating's V120 that
-- grouped the report facts in SQL before rating V121 dropped them for the grouping in Java (cdr.ReportFactsAtIntake).
-- Put back on a platform started with --ccbilling.reports.facts-at-intake=false, so that it counts each CDR once.
create or replace function report_facts_on_cdr() returns trigger language plpgsql as $$
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
