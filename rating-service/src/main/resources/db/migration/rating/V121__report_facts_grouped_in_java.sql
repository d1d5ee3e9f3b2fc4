-- Reports (issue 19): the report facts are grouped in Java where CDRs are stored, re-rated and reprocessed
-- (cdr.ReportFactsAtIntake, in the same transaction: a COPY of the grouped rows into report_call_pending and
-- report_line_pending each), no longer by statement triggers on cdr. report_dims_sql and report_facts_sql stay: the
-- drill-down view report_cdr and backfills (e.g. benchmarks/reports/generate.sql) use them, and a test proves the
-- Java grouping equals a fresh group by over cdr through them.
drop trigger cdr_report_facts_insert on cdr;
drop trigger cdr_report_facts_update on cdr;
drop trigger cdr_report_facts_delete on cdr;
drop function report_facts_on_cdr();
