-- Who may touch what (issue 10). The standard tariff, which every client pays by unless a client tariff is
-- assigned, is edited and published by tariff managers only; sales work on client tariffs.
alter table tariff add column standard boolean not null default false;
update tariff set standard = true where code = 'CC-STANDARD-2026';

-- An API key submits and reads the records of its own sources only (the switches it stands for);
-- null or empty means none, unless the key also has the ADMIN role.
alter table api_key add column sources text[];

-- An API key sees only the jobs it started.
create index job_started_by on job (started_by, started_at desc);
