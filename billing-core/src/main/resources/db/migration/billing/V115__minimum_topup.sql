-- Issue 17: a tariff's minimum monthly payment M. When the usage entries of a closed month (net of VAT, before
-- monthly fees and the volume discount) sum to less than M, the close posts MINIMUM_TOPUP = M − usage.
alter table ledger_entry drop constraint ledger_entry_kind_check;
alter table ledger_entry add constraint ledger_entry_kind_check
    check (kind in ('USAGE', 'MONTHLY_FEE', 'ONE_TIME_CHARGE', 'DEDUCTION', 'PAYMENT', 'ADJUSTMENT', 'CORRECTION',
                    'VOLUME_DISCOUNT', 'PARTNER_ACCRUAL', 'MINIMUM_TOPUP'));
