-- Client tariffs built by sales (issue 17): a version of a standard tariff plus adjustments, kept as data and
-- compiled into ordinary versions of the tariff `code`; their approval workflow; price floors per table cell.
create table client_tariff (
    code              text        primary key references tariff (code),
    base_tariff       text        not null references tariff (code),
    base_version      integer     not null,
    account_code      text,
    adjustments       jsonb       not null,
    state             text        not null check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED')),
    -- the version of `code` the adjustments are compiled into (a draft until published)
    working_version   integer     not null,
    -- the revision of the working version the manager approved: a later edit of its models voids the approval
    approved_revision integer,
    published_version integer,
    assigned_from     date,
    comment           text,
    created_by        text        not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create table tariff_floor (
    tariff_code text          not null references tariff (code),
    model       text          not null,
    rule_id     text          not null,
    floor       numeric(12, 2) not null check (floor >= 0),
    set_by      text          not null,
    set_at      timestamptz   not null,
    primary key (tariff_code, model, rule_id)
);

alter table tariff_audit drop constraint tariff_audit_action_check;
alter table tariff_audit add constraint tariff_audit_action_check
    check (action in ('CREATED', 'CHANGED', 'VALIDATED', 'PUBLISHED', 'SUPERSEDED', 'DELETED',
                      'SUBMITTED', 'APPROVED', 'RETURNED', 'ASSIGNED', 'REBASED'));
