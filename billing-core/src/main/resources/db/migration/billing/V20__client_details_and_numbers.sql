-- Legal details of the client behind an account (for its documents), its contacts, and the 8-800 numbers it
-- held with dates (number rental is prorated by these days at period close).
alter table account
    add column inn                 text check (inn ~ '^([0-9]{10}|[0-9]{12})$'),
    add column kpp                 text check (kpp ~ '^[0-9]{9}$'),
    add column legal_postal_code   text check (legal_postal_code ~ '^[0-9]{6}$'),
    add column legal_address       text,
    add column postal_postal_code  text check (postal_postal_code ~ '^[0-9]{6}$'),
    add column postal_address      text,
    add column delivery_method     text check (delivery_method in ('PORTAL', 'EMAIL', 'POST', 'COURIER')),
    add column delivery_email      text,
    add column updated_at          timestamptz;

create table account_contact (
    account_code text    not null references account (code) on delete cascade,
    position     integer not null,
    name         text    not null,
    role         text,
    phone        text,
    email        text,
    primary key (account_code, position)
);

create table account_number (
    account_code text not null references account (code),
    number       text not null check (number ~ '^[0-9]{11}$'),
    valid_from   date not null,
    valid_to     date,
    primary key (account_code, number, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
create index account_number_number on account_number (number);

-- numbers already busy in the inventory are held from the day their status changed
insert into account_number (account_code, number, valid_from)
select account_code, resource, status_since from network_resource
 where kind = 'NUMBER' and status = 'BUSY' and account_code is not null and resource ~ '^[0-9]{11}$';
