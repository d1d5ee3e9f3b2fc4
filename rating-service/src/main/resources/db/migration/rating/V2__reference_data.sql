-- Reference data of rating: classification of numbers, the holiday calendar, operators and trunks,
-- and the Russian number-range registry. Classification rows are those of CC-STANDARD-2026, section 3.

create table destination_prefix (
    prefix            text primary key check (prefix ~ '^[0-9]{1,15}$'),
    destination_class text not null
);

create table origin_prefix (
    prefix text primary key check (prefix ~ '^7[0-9]{0,10}$'),
    origin text not null
);

create table holiday (
    day  date primary key,
    name text
);

create table operator (
    operator_id text primary key,
    site        text not null,
    name        text
);

create table trunk (
    trunk       text primary key,
    description text
);

-- one row per range of the registry (Минцифры open data); numbers are the 10 national digits
create table number_range (
    code        text   not null,
    from_number bigint not null,
    to_number   bigint not null,
    capacity    bigint not null,
    operator    text   not null,
    region      text   not null,
    inn         text,
    primary key (from_number, to_number)
);
create index number_range_code on number_range (code);

insert into destination_prefix (prefix, destination_class) values
    ('7495', 'MOSCOW_FIXED'), ('7499', 'MOSCOW_FIXED'), ('79', 'RU_MOBILE'), ('7', 'RU_INTERCITY'),
    ('375', 'BELARUS'), ('1', 'NORTH_AMERICA');

insert into origin_prefix (prefix, origin) values
    ('79', 'MOBILE'), ('7495', 'LOCAL'), ('7499', 'LOCAL'), ('7', 'INTERCITY');

insert into holiday (day, name) values
    ('2026-01-01', 'Новогодние каникулы'), ('2026-01-02', 'Новогодние каникулы'), ('2026-01-05', 'Новогодние каникулы'),
    ('2026-01-06', 'Новогодние каникулы'), ('2026-01-07', 'Рождество Христово'), ('2026-01-08', 'Новогодние каникулы'),
    ('2026-01-09', 'Перенос выходного дня'), ('2026-02-23', 'День защитника Отечества'),
    ('2026-03-09', 'Перенос с 8 марта'), ('2026-05-01', 'Праздник Весны и Труда'), ('2026-05-11', 'Перенос с 9 мая'),
    ('2026-06-12', 'День России'), ('2026-11-04', 'День народного единства'), ('2026-12-31', 'Перенос выходного дня');

-- bumped on every change of reference data or accounts; each instance polls it to know when to reload
create table reference_revision (
    revision bigint not null
);
insert into reference_revision (revision) values (0);
