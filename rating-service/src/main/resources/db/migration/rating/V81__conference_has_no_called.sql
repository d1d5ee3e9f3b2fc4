-- A CONFERENCE record (tariff sheet 7.2) has participants and no called number.
alter table cdr alter column called drop not null;
