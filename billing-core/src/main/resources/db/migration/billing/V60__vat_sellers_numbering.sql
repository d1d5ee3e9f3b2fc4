-- VAT rates by effective date, our legal entities (sellers) and the numbering of their documents.
-- Documents block: V60-V79.

-- VAT rates live in vat_rate (V21, percent by valid_from); documents read them through vat.VatRates.

-- Our legal entity as it appears on every document it issues.
create table seller (
    code                  text primary key,
    name                  text not null,
    inn                   text not null,
    kpp                   text,
    address               text not null,
    head                  text not null,
    chief_accountant      text not null,
    bank_name             text not null,
    bik                   text not null,
    correspondent_account text not null,
    settlement_account    text not null,
    phone                 text
);
insert into seller values ('CCB', 'ООО «Контакт-Центр Биллинг»', '7714123456', '771401001',
    '125167, г. Москва, Ленинградский проспект, д. 39, стр. 80', 'Смирнов Алексей Викторович',
    'Кузнецова Ольга Петровна', 'ПАО Сбербанк, г. Москва', '044525225', '30101810400000000225',
    '40702810938000012345', '+7 495 123-45-67');

-- How a document type's number is written; {SEQ} is the counter. The counter itself is per sequence:
-- VAT invoices, correction VAT invoices and UPDs share the VAT invoice sequence (they are one chronological series).
create table numbering_template (
    seller        text not null references seller (code),
    document_type text not null check (document_type in ('INVOICE', 'ACT', 'VAT_INVOICE', 'CORRECTION_VAT_INVOICE', 'UPD')),
    template      text not null,
    division      text,
    reset         text not null check (reset in ('YEARLY', 'NEVER')),
    primary key (seller, document_type)
);
insert into numbering_template (seller, document_type, template, division, reset) values
    ('CCB', 'INVOICE', '{YYYY}-{SEQ:6}', null, 'YEARLY'),
    ('CCB', 'ACT', '{YYYY}-{SEQ:6}', null, 'YEARLY'),
    ('CCB', 'VAT_INVOICE', '{SEQ}', null, 'YEARLY'),
    ('CCB', 'CORRECTION_VAT_INVOICE', '{SEQ}', null, 'YEARLY'),
    ('CCB', 'UPD', '{SEQ}', null, 'YEARLY');

-- One row per (seller, sequence, period): updated with "update ... returning" inside the document's own
-- transaction, so a failed generation rolls its number back. period is the year, or 0 when never reset.
create table numbering_counter (
    seller     text   not null,
    sequence   text   not null,
    period     int    not null,
    last_value bigint not null default 0 check (last_value >= 0),
    last_date  date,
    primary key (seller, sequence, period)
);
