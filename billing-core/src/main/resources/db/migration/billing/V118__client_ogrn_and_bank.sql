-- The client's ОГРН/ОГРНИП and bank (БИК, settlement account) beside its INN and KPP; their check digits are
-- verified by the application (account.Ogrn, account.Bik), the formats here.
alter table account
    add column ogrn               text check (ogrn ~ '^([0-9]{13}|[0-9]{15})$'),
    add column bik                text check (bik ~ '^[0-9]{9}$'),
    add column settlement_account text check (settlement_account ~ '^[0-9]{20}$');
