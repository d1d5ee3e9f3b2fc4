-- Issue 15: an account holds 8-800 numbers and virtual-office numbers (tariff sheet, section 7). A virtual-office
-- number has a channel count: its monthly rental includes some channels and charges each one beyond them, so the
-- count is kept per holding (a change of channels is a new holding from that day) and on the rental's ledger entry.
alter table account_number
    add column kind     text    not null default 'TOLL_FREE_800' check (kind in ('TOLL_FREE_800', 'VIRTUAL_OFFICE')),
    add column channels integer check (channels between 1 and 1000),
    add constraint account_number_channels_of_virtual_office
        check ((kind = 'VIRTUAL_OFFICE') = (channels is not null));

-- the channels a MONTHLY_FEE entry of a virtual-office number was charged for (its documents name them)
alter table ledger_entry
    add column channels integer check (channels >= 1);
