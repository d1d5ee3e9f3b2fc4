-- Re-rating a closed month corrects the top-up to the minimum monthly payment (issue 17) as it corrects the usage it
-- follows: a CORRECTION entry may correct a MINIMUM_TOPUP.
alter table ledger_entry drop constraint ledger_entry_corrects_check;
alter table ledger_entry add constraint ledger_entry_corrects_check
    check (corrects is null or corrects in ('USAGE', 'VOLUME_DISCOUNT', 'MINIMUM_TOPUP'));
