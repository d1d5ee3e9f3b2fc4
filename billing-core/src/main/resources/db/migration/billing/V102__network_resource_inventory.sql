-- Issue 16: the inventory of network resources. Kinds (with their unit and quarantine), pools with attributes,
-- resources with a materialised status, and the journal of every change.
--
-- One source of truth: the Busy periods of a number ARE its account_number rows (the holdings billing prorates
-- and rating reads by date). network_resource keeps the status as last materialised plus the dates at which it
-- changes by itself (held_until, quarantine_until, reserved_until), so a read derives the status in force from the
-- row alone and never shows a stale one; a scheduled job writes the derived status back.

create table resource_kind (
    code            text    primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name            text    not null,
    unit            text    not null,
    quarantine_days integer not null check (quarantine_days between 0 and 3650),
    -- a phone number (11 digits) whose Busy periods are account_number rows
    phone_number    boolean not null default false
);

insert into resource_kind (code, name, unit, quarantine_days, phone_number) values
    ('TOLL_FREE_800', 'Номер 8-800', 'номер', 90, true),
    ('VIRTUAL_OFFICE', 'Географический номер (виртуальный офис)', 'номер', 90, true),
    ('PORT', 'Порт шлюза или транка', 'порт', 0, false),
    ('LINE', 'Линия (канал) площадки', 'линия', 0, false);

create table resource_pool (
    code           text    primary key check (code ~ '^[A-Za-z0-9_-]{1,40}$'),
    name           text    not null,
    kind           text    not null references resource_kind (code),
    site           text,
    trunk          text,
    category       text,
    low_water_mark integer not null default 0 check (low_water_mark >= 0)
);

alter table network_resource drop constraint network_resource_kind_check;
update network_resource
   set kind = case when resource like '7800%' then 'TOLL_FREE_800' else 'VIRTUAL_OFFICE' end
 where kind = 'NUMBER';
update network_resource n set kind = a.kind
  from (select distinct on (number) number, kind from account_number order by number, valid_from desc) a
 where a.number = n.resource and n.kind in ('TOLL_FREE_800', 'VIRTUAL_OFFICE');

-- kind and pool are checked once per statement by the counting triggers below, not by foreign keys: a row-level
-- foreign-key check per resource doubled the time of a million-row import
alter table network_resource
    add column pool_code        text,
    add column category         text,
    add column held_from        date,
    add column held_until       date,
    add column quarantine_until date,
    add column reserved_for     text,
    add column reserved_by      text,
    add column reserved_reason  text,
    add column reserved_until   timestamptz,
    add constraint network_resource_reservation check (status <> 'RESERVED' or reserved_until is not null);

-- what was Busy is held as its account_number says; Quarantine without an end gets the kind's days from its start
update network_resource n set held_from = a.valid_from, held_until = a.valid_to,
       quarantine_until = a.valid_to + 90
  from (select distinct on (number) number, account_code, valid_from, valid_to
          from account_number order by number, valid_from desc) a
 where a.number = n.resource and n.status = 'BUSY' and a.account_code = n.account_code;
update network_resource set quarantine_until = status_since + 90 where status = 'QUARANTINE';
alter table network_resource
    add constraint network_resource_quarantine_end check (status <> 'QUARANTINE' or quarantine_until is not null);

create index network_resource_pool on network_resource (pool_code, resource);
drop index network_resource_account;
create index network_resource_account on network_resource (account_code) where account_code is not null;
-- the rows whose status changes by itself, by the moment it does: what the scheduled job and the capacity counts
-- look at (only the rows already past it are visited)
create index network_resource_busy_until on network_resource (held_until) where status = 'BUSY' and held_until is not null;
create index network_resource_quarantine_until on network_resource (quarantine_until) where status = 'QUARANTINE';
create index network_resource_reserved_until on network_resource (reserved_until) where status = 'RESERVED';

-- every change of a resource: its status after the change, for which account, from and to, who and why
create table resource_event (
    id           bigserial   primary key,
    resource     text        not null references network_resource (resource) on delete cascade,
    status       text        not null check (status in ('FREE', 'BUSY', 'RESERVED', 'QUARANTINE')),
    action       text        not null,
    account_code text,
    reserved_for text,
    valid_from   date        not null,
    valid_to     date,
    until        timestamptz,
    actor        text        not null,
    reason       text,
    at           timestamptz not null default now()
);
create index resource_event_resource on resource_event (resource, id);

-- counts by pool, kind and materialised status, kept by statement triggers: capacity reads these, not a million rows
create table resource_count (
    pool_code text    not null default '',
    kind      text    not null,
    status    text    not null,
    n         bigint  not null,
    primary key (pool_code, kind, status)
);
insert into resource_count (pool_code, kind, status, n)
select coalesce(pool_code, ''), kind, status, count(*) from network_resource group by 1, 2, 3;

create function resource_count_add() returns trigger language plpgsql as $$
begin
    if exists (select 1 from new_rows n where not exists (select 1 from resource_kind k where k.code = n.kind)) then
        raise foreign_key_violation using message = 'network_resource.kind is not a resource_kind';
    end if;
    if exists (select 1 from new_rows n where n.pool_code is not null
                  and not exists (select 1 from resource_pool p where p.code = n.pool_code)) then
        raise foreign_key_violation using message = 'network_resource.pool_code is not a resource_pool';
    end if;
    insert into resource_count (pool_code, kind, status, n)
    select coalesce(pool_code, ''), kind, status, count(*) from new_rows group by 1, 2, 3
    on conflict (pool_code, kind, status) do update set n = resource_count.n + excluded.n;
    return null;
end $$;

create function resource_count_remove() returns trigger language plpgsql as $$
begin
    insert into resource_count (pool_code, kind, status, n)
    select coalesce(pool_code, ''), kind, status, -count(*) from old_rows group by 1, 2, 3
    on conflict (pool_code, kind, status) do update set n = resource_count.n + excluded.n;
    return null;
end $$;

-- kinds and pools are never deleted while resources name them
create function resource_kind_or_pool_in_use() returns trigger language plpgsql as $$
begin
    if exists (select 1 from network_resource r where r.kind = old.code or r.pool_code = old.code) then
        raise foreign_key_violation using message = 'resources still name ' || old.code;
    end if;
    return old;
end $$;
create trigger resource_kind_in_use before delete on resource_kind
    for each row execute function resource_kind_or_pool_in_use();
create trigger resource_pool_in_use before delete on resource_pool
    for each row execute function resource_kind_or_pool_in_use();

create trigger resource_count_insert after insert on network_resource
    referencing new table as new_rows for each statement execute function resource_count_add();
create trigger resource_count_delete after delete on network_resource
    referencing old table as old_rows for each statement execute function resource_count_remove();
create trigger resource_count_update_old after update on network_resource
    referencing old table as old_rows for each statement execute function resource_count_remove();
create trigger resource_count_update_new after update on network_resource
    referencing new table as new_rows for each statement execute function resource_count_add();
