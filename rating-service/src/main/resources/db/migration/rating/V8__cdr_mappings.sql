-- Mappings of call-centre equipment files to CDRs (POST /api/v1/cdrs/import?mapping=...): data, editable through
-- /api/v1/cdr-mappings. The definition is kept as written (json, not jsonb, keeps the key order a person chose);
-- its keys are described in api-spec/openapi.yaml (CdrMappingDefinition). Migrations V8-V13 belong to intake.
create table cdr_mapping (
    name        text        primary key check (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    format      text        not null check (format in ('ASTERISK_CSV', 'FREESWITCH_CSV')),
    definition  json        not null,
    description text,
    updated_at  timestamptz not null default now()
);

-- Asterisk cdr_csv (Master.csv) of a call centre whose dialplan: takes 8-800 calls from SIP/TRUNK-x into an IVR
-- and a Queue of agents SIP/OP-nnn, writing Set(CDR(userfield)=ivr=<s>;post=<s>) for the IVR and the agent's
-- wrap-up; lets agents dial out from the context from-internal with accountcode set to the client's account;
-- forwards an 8-800 call to an outside number by Dial(SIP/TRUNK-x/<number>).
insert into cdr_mapping (name, format, description, definition) values ('asterisk-default', 'ASTERISK_CSV',
'Asterisk Master.csv: 8-800 calls via IVR and Queue to agents SIP/OP-nnn, outbound calls of agents from from-internal, forwards by Dial to SIP/TRUNK-x; IVR and post-processing seconds from userfield (ivr=35;post=60).',
'{
  "timeZone": "Europe/Moscow",
  "timeFormat": "yyyy-MM-dd HH:mm:ss",
  "numberRewrites": [
    {"matches": "[^0-9]", "replace": ""},
    {"matches": "^810(\\d+)$", "replace": "$1"},
    {"matches": "^8(\\d{10})$", "replace": "7$1"}
  ],
  "fields": {
    "cdrId": {"from": "uniqueid"},
    "startTime": {"from": "start"},
    "caller": {"from": "src"},
    "called": {"from": "dst"},
    "accountCode": {"from": "accountcode"},
    "trunk": {"from": ["dstchannel", "channel"], "regex": "^SIP/(TRUNK-[A-Z])-"},
    "forwardedTo": {"from": "lastdata", "regex": "^SIP/TRUNK-[A-Z]/([+0-9]+)"}
  },
  "callType": {
    "rules": [
      {"when": {"field": "dcontext", "in": ["from-internal", "outbound"]}, "then": "OUTBOUND"},
      {"when": [{"field": "dst", "matches": "^(\\+?7|8)800\\d{7}$"}, {"field": "dstchannel", "matches": "^SIP/TRUNK-"}], "then": "FORWARD"},
      {"when": {"field": "dst", "matches": "^(\\+?7|8)800\\d{7}$"}, "then": "INBOUND_800"}
    ]
  },
  "stages": {
    "rules": [
      {"type": "IVR", "when": {"field": "userfield", "matches": "(^|;)ivr=\\d+"},
       "seconds": {"from": "userfield", "regex": "(?:^|;)ivr=(\\d+)"}},
      {"type": "IVR", "when": {"field": "lastapp", "in": ["BackGround", "Background", "Playback", "Read", "IVR", "WaitExten"]},
       "unless": {"field": "userfield", "matches": "(^|;)ivr=\\d+"},
       "seconds": {"from": "billsec"}},
      {"type": "OPERATOR", "when": {"field": "dstchannel", "matches": "^SIP/OP-\\d+-"},
       "operatorId": {"from": "dstchannel", "regex": "^SIP/(OP-\\d+)-"},
       "seconds": {"from": "billsec", "minus": {"from": "userfield", "regex": "(?:^|;)ivr=(\\d+)"}}},
      {"type": "OPERATOR", "when": {"field": "channel", "matches": "^SIP/OP-\\d+-"},
       "operatorId": {"from": "channel", "regex": "^SIP/(OP-\\d+)-"},
       "seconds": {"from": "billsec"}},
      {"type": "POST", "when": {"field": "userfield", "matches": "(^|;)post=\\d+"},
       "seconds": {"from": "userfield", "regex": "(?:^|;)post=(\\d+)"}}
    ],
    "otherwise": {"type": "IVR", "seconds": {"from": "billsec"}}
  }
}');

-- FreeSWITCH mod_cdr_csv, default template. It has no channel or application fields, so this mapping reads the
-- gateway from the dialplan context of outbound calls (outbound-gw-a, outbound-gw-b) and the agent from the
-- caller id name they dial out with (OP-nnn); an 8-800 call is one IVR stage. Forwarded calls and agents on
-- inbound calls need more columns in the template (e.g. last_arg, cc_agent) and a mapping that reads them.
insert into cdr_mapping (name, format, description, definition) values ('freeswitch-default', 'FREESWITCH_CSV',
'FreeSWITCH mod_cdr_csv default template: 8-800 calls in context public as IVR time; outbound calls of agents (caller id name OP-nnn) from contexts outbound-gw-a / outbound-gw-b (TRUNK-A / TRUNK-B).',
'{
  "timeZone": "Europe/Moscow",
  "timeFormat": "yyyy-MM-dd HH:mm:ss",
  "numberRewrites": [
    {"matches": "[^0-9]", "replace": ""},
    {"matches": "^810(\\d+)$", "replace": "$1"},
    {"matches": "^8(\\d{10})$", "replace": "7$1"}
  ],
  "fields": {
    "cdrId": {"from": "uuid"},
    "startTime": {"from": "start_stamp"},
    "caller": {"from": "caller_id_number"},
    "called": {"from": "destination_number"},
    "accountCode": {"from": "accountcode"},
    "trunk": {"from": "context", "regex": "^outbound-(gw-[a-z])$", "lookup": {"gw-a": "TRUNK-A", "gw-b": "TRUNK-B"}}
  },
  "callType": {
    "rules": [
      {"when": {"field": "context", "matches": "^outbound"}, "then": "OUTBOUND"},
      {"when": {"field": "destination_number", "matches": "^(\\+?7|8)800\\d{7}$"}, "then": "INBOUND_800"}
    ]
  },
  "stages": {
    "rules": [
      {"type": "OPERATOR", "when": {"field": "caller_id_name", "matches": "^OP-\\d+$"},
       "operatorId": {"from": "caller_id_name"}, "seconds": {"from": "billsec"}}
    ],
    "otherwise": {"type": "IVR", "seconds": {"from": "billsec"}}
  }
}');
