-- Long-running jobs (imports, period close, document runs) with their progress, one row each.
-- Migration numbers are one sequence across modules; blocks: intake V8-V19, billing V20-V39, tariffs V40-V59.
create table job (
    id          uuid        primary key,
    kind        text        not null,
    state       text        not null check (state in ('RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED')),
    description text,
    done        bigint      not null default 0,
    total       bigint,
    counts      jsonb       not null default '{}',
    result      jsonb,
    error       text,
    started_by  text,
    started_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    finished_at timestamptz
);
create index job_started on job (started_at desc);
