-- Jobs resume after a crash: a job keeps what it was started with (params, and an uploaded file in job_input) and
-- counts its attempts. A RUNNING job whose updated_at is older than the lease (its instance stopped heartbeating)
-- is claimed by a live instance and run again from its params, up to 3 attempts.
alter table job add column params jsonb;
alter table job add column attempts int not null default 1;
create index job_abandoned on job (updated_at) where state = 'RUNNING';

-- The file a job was started with (an equipment CSV), in parts of 1 MB so that neither side holds it whole in memory;
-- deleted when the job ends.
create table job_input (
    job_id  uuid  not null references job (id) on delete cascade,
    part    int   not null,
    content bytea not null,
    primary key (job_id, part)
);
