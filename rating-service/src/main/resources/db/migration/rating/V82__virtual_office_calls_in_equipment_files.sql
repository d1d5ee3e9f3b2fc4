-- A call into a virtual-office number (one an account holds, tariff sheet 7.2) is a VIRTUAL_OFFICE call. The shipped
-- mappings learn it right after their outbound rule, with the condition {"virtualOfficeNumber": true} on the dialled
-- number. The definition is json kept as written, so the rule is inserted into its text; a mapping whose text no
-- longer has the shipped outbound rule (edited by a person) is left as it is.
update cdr_mapping
   set definition = regexp_replace(definition::text,
           '("callType"\s*:\s*\{\s*"rules"\s*:\s*\[\s*\{"when": \{"field": "dcontext"[^\n]*"then": "OUTBOUND"\},)',
           E'\\1\n      {"when": {"field": "dst", "virtualOfficeNumber": true}, "then": "VIRTUAL_OFFICE"},')::json
 where name = 'asterisk-default' and definition::text not like '%virtualOfficeNumber%';

update cdr_mapping
   set definition = regexp_replace(definition::text,
           '("callType"\s*:\s*\{\s*"rules"\s*:\s*\[\s*\{"when": \{"field": "context"[^\n]*"then": "OUTBOUND"\},)',
           E'\\1\n      {"when": {"field": "destination_number", "virtualOfficeNumber": true}, "then": "VIRTUAL_OFFICE"},')::json
 where name = 'freeswitch-default' and definition::text not like '%virtualOfficeNumber%';
