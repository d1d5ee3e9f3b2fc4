-- A draft may be deleted; the audit trail keeps that it existed and who deleted it.
alter table tariff_audit drop constraint tariff_audit_action_check;
alter table tariff_audit add constraint tariff_audit_action_check
    check (action in ('CREATED', 'CHANGED', 'VALIDATED', 'PUBLISHED', 'SUPERSEDED', 'DELETED'));
