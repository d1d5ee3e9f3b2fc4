-- Tariffs and their versions; a version holds its models (DMN decision tables, DRL rule files) as text.
create table tariff (
    code       text primary key,
    name       text not null,
    created_at timestamptz not null default now()
);

create table tariff_version (
    tariff_code    text    not null references tariff (code),
    version        integer not null,
    state          text    not null check (state in ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    effective_from timestamptz,
    based_on       integer,
    created_by     text,
    created_at     timestamptz not null default now(),
    published_by   text,
    published_at   timestamptz,
    primary key (tariff_code, version),
    check (state = 'DRAFT' or effective_from is not null)
);

create table tariff_model (
    tariff_code text    not null,
    version     integer not null,
    name        text    not null,
    kind        text    not null check (kind in ('DMN', 'DRL')),
    content     text    not null,
    primary key (tariff_code, version, name),
    foreign key (tariff_code, version) references tariff_version (tariff_code, version)
);
