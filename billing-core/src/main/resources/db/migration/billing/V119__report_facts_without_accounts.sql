-- Reports (issue 19): a third grain of the report facts, by day without the account-level dimensions (account, and
-- so client; the source, a few switches, stays): with 2,000 accounts a day's facts hardly aggregate (the daily facts of 10,000,000 CDRs of a
-- year are 5.4 million rows), so a report by day or week over a year that names none of them reads these instead (a
-- few hundred rows a day). Rating's fold (report_fold_pending, rating V121) keeps them from the pending facts with
-- the daily and monthly ones, and V121 fills them from the daily facts. A salesperson's reports (their accounts
-- only) keep reading the account-level facts.
create table report_call_day_lean (
    day               date           not null,
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
    primary key (day, call_type, source, status, reason, tariff_code, tariff_version, caller_origin, destination_class,
                 time_band, trunk)
) with (fillfactor = 70);

create table report_line_day_lean (
    day            date           not null,
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
    primary key (day, call_type, source, tariff_code, tariff_version, component, operator_id, site)
) with (fillfactor = 70);
