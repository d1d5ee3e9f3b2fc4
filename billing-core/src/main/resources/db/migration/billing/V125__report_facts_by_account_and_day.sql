-- Reports (issue 19): a fourth grain of the report facts, calls by account and day with nothing else (and the status,
-- for the rejects; no line grain: a report reads the line facts only for a component, operator or site, which this
-- grain would not have): a report by day or week that names the account or the client, or a salesperson's (their accounts only),
-- reads these instead of the daily facts, where a day's facts hardly aggregate (a year of 10,000,000 CDRs of 2,000
-- accounts: 5.4 million daily facts, about 0.9 million of these). The key leads with the account, so a salesperson's
-- few accounts are an index range. Rating's fold (report_fold_pending, rating V126) keeps them from the pending facts
-- with the other grains, and V126 fills them from the daily facts.
create table report_call_account_day (
    account_code text           not null,
    day          date           not null,
    status       text           not null,
    calls        bigint         not null,
    answered     bigint         not null,
    duration_sec bigint         not null,
    billed_sec   bigint         not null,
    amount       numeric(18, 2) not null,
    primary key (account_code, day, status)
) with (fillfactor = 70);
