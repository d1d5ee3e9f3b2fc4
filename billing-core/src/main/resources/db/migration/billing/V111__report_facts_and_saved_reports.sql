-- Reports (issue 19). The facts reports read instead of the raw CDRs: one row per day and combination of the
-- dimensions, with the measures summed. Rating keeps them up to date as CDRs are stored, re-rated and reprocessed
-- (statement triggers on cdr, rating's V120), so a report over a year reads thousands of rows, not millions.
-- Absent values are '' (not null), so that the primary key can name every combination once.
create table report_call_day (
    day               date           not null,
    account_code      text           not null,
    call_type         text           not null,
    source            text           not null,
    status            text           not null,
    reason            text           not null,
    tariff_code       text           not null,
    tariff_version    integer        not null,
    caller_origin     text           not null,
    destination_class text           not null,
    time_band         text           not null,
    trunk             text           not null,
    calls             bigint         not null,
    answered          bigint         not null,
    duration_sec      bigint         not null,
    billed_sec        bigint         not null,
    amount            numeric(18, 2) not null,
    primary key (day, account_code, call_type, source, status, reason, tariff_code, tariff_version, caller_origin,
                 destination_class, time_band, trunk)
) with (fillfactor = 70); -- room on each page: adding to a fact is a HOT update, no new index entries
create index report_call_day_account on report_call_day (account_code, day);

-- the priced lines of rated calls: by component, and by the operator (and the operator's site) of the stage priced
create table report_line_day (
    day            date           not null,
    account_code   text           not null,
    call_type      text           not null,
    source         text           not null,
    tariff_code    text           not null,
    tariff_version integer        not null,
    component      text           not null,
    operator_id    text           not null,
    site           text           not null,
    calls          bigint         not null,
    lines          bigint         not null,
    billed_sec     bigint         not null,
    amount         numeric(18, 2) not null,
    primary key (day, account_code, call_type, source, tariff_code, tariff_version, component, operator_id, site)
) with (fillfactor = 70);
create index report_line_day_account on report_line_day (account_code, day);

-- the same facts by month ("day" is the month's first day): a report over whole months reads these, a dozen rows
-- where the daily facts have hundreds; only its days at the edges of the range come from the daily facts
create table report_call_month (like report_call_day including all) with (fillfactor = 70);
create table report_line_month (like report_line_day including all) with (fillfactor = 70);

-- facts not yet folded into the daily and monthly ones: what rating's statement triggers on cdr append, a row per
-- chunk and combination of the daily facts' dimensions (no key, no index: an append never waits for another chunk);
-- rating folds them into the facts every few seconds (report_fold_pending, rating's V120) and every report reads
-- them beside the facts, so it is exact to the last stored CDR
create table report_call_pending (like report_call_day);
create table report_line_pending (like report_line_day);

-- a report as its builder saved it: the query (JSON of report.ReportQuery), private to its owner or shared
create sequence saved_report_seq;
create table saved_report (
    id          bigint      primary key default nextval('saved_report_seq'),
    name        text        not null check (length(name) between 1 and 200),
    owner       text        not null,
    shared      boolean     not null default false,
    shipped     boolean     not null default false,
    query       jsonb       not null,
    chart       text        not null default 'BAR' check (chart in ('BAR', 'LINE', 'STACKED', 'TABLE')),
    mail_to     text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- a monthly letter of a saved report: the month it was last sent for, so that each month goes once
create table saved_report_mailing (
    report_id bigint not null references saved_report (id) on delete cascade,
    month     date   not null,
    sent_at   timestamptz not null default now(),
    primary key (report_id, month)
);

-- ready-made reports, shared, owned by the platform
insert into saved_report (name, owner, shared, shipped, chart, query) values
  ('Выручка по услугам и месяцам', 'system', true, true, 'STACKED',
   '{"dataset":"CALLS","dimensions":["month","service"],"measures":["amountNet","vat","amountGross"],"filters":[],"period":"LAST_12_MONTHS"}'),
  ('Крупнейшие клиенты', 'system', true, true, 'BAR',
   '{"dataset":"CALLS","dimensions":["client"],"measures":["amountNet","calls","billedMinutes"],"filters":[],"period":"LAST_12_MONTHS","sort":"amountNet","limit":20}'),
  ('Загрузка операторов по площадкам', 'system', true, true, 'STACKED',
   '{"dataset":"CALLS","dimensions":["month","site","operator"],"measures":["calls","billedMinutes","amountNet"],"filters":[{"dimension":"component","values":["OPERATOR"]}],"period":"LAST_12_MONTHS"}'),
  ('Качество транков (ASR/ACD)', 'system', true, true, 'LINE',
   '{"dataset":"CALLS","dimensions":["month","trunk"],"measures":["calls","answeredCalls","asr","acd"],"filters":[],"period":"LAST_12_MONTHS"}'),
  ('Отсев по причинам и источникам', 'system', true, true, 'STACKED',
   '{"dataset":"CALLS","dimensions":["reason","source"],"measures":["rejects"],"filters":[{"dimension":"status","values":["REJECTED"]}],"period":"LAST_12_MONTHS"}'),
  ('Ведомость начислений партнёрам', 'system', true, true, 'TABLE',
   '{"dataset":"LEDGER","dimensions":["month","counterparty","account"],"measures":["amountNet","vat","amountGross"],"filters":[{"dimension":"entryKind","values":["PARTNER_ACCRUAL"]}],"period":"LAST_12_MONTHS"}');
