-- Tariff lifecycle: a draft's models change, so compiled models are cached per revision; and the audit trail
-- of who created, changed, validated and published which version.
alter table tariff_version add column revision integer not null default 0;

create table tariff_audit (
    id          bigserial   primary key,
    tariff_code text        not null references tariff (code),
    version     integer,
    action      text        not null check (action in ('CREATED', 'CHANGED', 'VALIDATED', 'PUBLISHED', 'SUPERSEDED')),
    actor       text        not null,
    at          timestamptz not null default now(),
    detail      text
);
create index tariff_audit_tariff on tariff_audit (tariff_code, at desc);
