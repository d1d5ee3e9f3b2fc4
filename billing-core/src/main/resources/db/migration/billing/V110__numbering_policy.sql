-- Issue 12, item 4: how a seller numbers its VAT documents. SINGLE: VAT invoices, UPDs and correction VAT invoices
-- share one chronological sequence (VAT_INVOICE); SEPARATE: correction VAT invoices have their own sequence
-- (CORRECTION_VAT_INVOICE), so a correction dated today does not hold back the documents of an earlier month.
alter table seller add column numbering_policy text not null default 'SINGLE'
    check (numbering_policy in ('SINGLE', 'SEPARATE'));
