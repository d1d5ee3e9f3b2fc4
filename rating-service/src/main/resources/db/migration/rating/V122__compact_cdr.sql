-- Compact stored CDRs (issue 13): the priced lines and the raw record as bytes instead of jsonb, the texts that
-- repeat (components, notes, operators, accounts named by records, participants' trunks) as ids of a dictionary.
-- The bytes are written and read by rating's cdr.CompactLines and cdr.CompactRecords (their Javadoc describes them);
-- the SQL functions below write the same bytes, for this migration and for SQL that writes cdr directly (benchmarks,
-- tests), and read the lines back for SQL that needs them (the reports' drill-down).

create table cdr_word (
    id   integer generated always as identity primary key,
    word text    not null unique
);

-- the id of a word, added to the dictionary if new
create function cdr_word_id(w text) returns integer language plpgsql as $$
declare
    found integer;
begin
    select id into found from cdr_word where word = w;
    if found is null then
        insert into cdr_word (word) values (w) on conflict (word) do nothing returning id into found;
        if found is null then
            select id into found from cdr_word where word = w;
        end if;
    end if;
    return found;
end $$;

-- unsigned LEB128
create function cdr_varint(v bigint) returns bytea language plpgsql immutable strict as $$
declare
    out bytea := '';
begin
    if v < 0 then
        raise exception 'cdr_varint: negative %', v;
    end if;
    loop
        if v < 128 then
            return out || set_byte('\x00'::bytea, 0, v::int);
        end if;
        out := out || set_byte('\x00'::bytea, 0, ((v & 127) | 128)::int);
        v := v >> 7;
    end loop;
end $$;

create function cdr_zigzag(v bigint) returns bytea language sql immutable strict as $$
    select cdr_varint((v << 1) # (v >> 63))
$$;

-- zigzag scale, then zigzag unscaled value
create function cdr_decimal(v numeric) returns bytea language sql immutable strict as $$
    select cdr_zigzag(scale(v)) || cdr_zigzag((v * power(10::numeric, scale(v)))::bigint)
$$;

create function cdr_string(v text) returns bytea language sql immutable as $$
    select case when v is null then '\x00'::bytea
                else cdr_varint(octet_length(convert_to(v, 'UTF8')) + 1) || convert_to(v, 'UTF8') end
$$;

-- the lines of the jsonb form ([{component, stage, amount, billedSeconds, rate, note, participant}]) as bytes
create function cdr_lines_encode(lines jsonb) returns bytea language sql as $$
    select coalesce(string_agg(
        cdr_varint(cdr_word_id(l ->> 'component'))
        || set_byte('\x00'::bytea, 0,
                    case when jsonb_typeof(l -> 'stage') = 'number' then 1 else 0 end
                    | case when jsonb_typeof(l -> 'participant') = 'number' then 2 else 0 end
                    | case when jsonb_typeof(l -> 'note') = 'string' then 4 else 0 end
                    | case when jsonb_typeof(l -> 'amount') in ('string', 'number') then 8 else 0 end
                    | case when jsonb_typeof(l -> 'rate') in ('string', 'number') then 16 else 0 end)
        || case when jsonb_typeof(l -> 'stage') = 'number' then cdr_varint((l ->> 'stage')::bigint) else '' end
        || case when jsonb_typeof(l -> 'participant') = 'number' then cdr_varint((l ->> 'participant')::bigint) else '' end
        || case when jsonb_typeof(l -> 'note') = 'string' then cdr_varint(cdr_word_id(l ->> 'note')) else '' end
        || case when jsonb_typeof(l -> 'amount') in ('string', 'number') then cdr_decimal((l ->> 'amount')::numeric) else '' end
        || cdr_zigzag(coalesce((l ->> 'billedSeconds')::bigint, 0))
        || case when jsonb_typeof(l -> 'rate') in ('string', 'number') then cdr_decimal((l ->> 'rate')::numeric) else '' end,
        ''::bytea order by n), ''::bytea)
      from jsonb_array_elements(coalesce(lines, '[]')) with ordinality as e (l, n)
$$;

-- the raw record of the jsonb form as bytes, given the columns the row holds: what the columns rebuild is left out;
-- startTime, stages and participants stay in the JSON part (cdr.CompactRecords reads both forms)
create function cdr_record_encode(r jsonb, source text, cdr_id text, call_type text, caller text, called text,
                                  trunk text, forwarded_to text) returns bytea language sql immutable as $$
    with cols (k, v) as (values ('source', to_jsonb(source)), ('cdrId', to_jsonb(cdr_id)),
                                ('callType', to_jsonb(call_type)), ('caller', to_jsonb(caller)),
                                ('called', to_jsonb(called)), ('trunk', to_jsonb(trunk)),
                                ('forwardedTo', to_jsonb(forwarded_to)), ('startTime', to_jsonb(''::text))),
    rest as (select jsonb_object_agg(e.k, e.v) as j from jsonb_each(coalesce(r, '{}')) e (k, v)
              where e.k = 'startTime' or e.v is distinct from (select c.v from cols c where c.k = e.k)),
    absent as (select array_agg(c.k order by c.k) as ks from cols c
                where c.v is not null and c.v <> 'null'::jsonb and not coalesce(r, '{}') ? c.k)
    select set_byte('\x00'::bytea, 0, case when rest.j is null then 0 else 16 end
                                      | case when absent.ks is null then 0 else 64 end)
           || case when absent.ks is null then ''::bytea
                   else cdr_varint(cardinality(absent.ks))
                        || (select string_agg(cdr_string(k), ''::bytea order by n) from unnest(absent.ks) with ordinality u (k, n))
              end
           || case when rest.j is null then ''::bytea else convert_to(rest.j::text, 'UTF8') end
      from rest, absent
$$;

-- reading the bytes back in SQL: the lines of a row (what cdr.CompactLines.decode answers)
create function cdr_lines(b bytea) returns table (component text, stage integer, participant integer, note text,
                                                 amount numeric, billed_seconds integer, rate numeric)
language plpgsql stable as $$
declare
    pos integer := 0;
    len integer := octet_length(b);
    flags integer;
    v bigint;
    shift integer;
    byte integer;
    scale integer;
    k integer;
    vals bigint[];
begin
    while pos < len loop
        -- read up to 9 varints in line order into vals, as the flags say
        vals := '{}';
        for k in 1..2 loop
            -- 1: component id; 2: the flags byte
            if k = 2 then
                flags := get_byte(b, pos);
                pos := pos + 1;
                exit;
            end if;
            v := 0; shift := 0;
            loop
                byte := get_byte(b, pos); pos := pos + 1;
                v := v | ((byte & 127)::bigint << shift);
                exit when byte < 128;
                shift := shift + 7;
            end loop;
            vals := vals || v;
        end loop;
        select w.word into component from cdr_word w where w.id = vals[1];
        stage := null; participant := null; note := null; amount := null; rate := null;
        for k in 1..8 loop
            -- 1 stage, 2 participant, 3 note, 4-5 amount (scale, unscaled), 6 seconds, 7-8 rate (scale, unscaled)
            continue when (k = 1 and flags & 1 = 0) or (k = 2 and flags & 2 = 0) or (k = 3 and flags & 4 = 0)
                       or (k in (4, 5) and flags & 8 = 0) or (k in (7, 8) and flags & 16 = 0);
            v := 0; shift := 0;
            loop
                byte := get_byte(b, pos); pos := pos + 1;
                v := v | ((byte & 127)::bigint << shift);
                exit when byte < 128;
                shift := shift + 7;
            end loop;
            if k >= 4 then
                v := (v >> 1) # (-(v & 1));
            end if;
            case k
                when 1 then stage := v;
                when 2 then participant := v;
                when 3 then select w.word into note from cdr_word w where w.id = v;
                when 4 then scale := v;
                when 5 then amount := v::numeric / power(10::numeric, scale); amount := round(amount, scale);
                when 6 then billed_seconds := v;
                when 7 then scale := v;
                when 8 then rate := round(v::numeric / power(10::numeric, scale), scale);
            end case;
        end loop;
        return next;
    end loop;
end $$;

-- the operatorId of a stage of the record's bytes (compact stages, or stages in its JSON part), null if none
create function cdr_stage_operator(b bytea, stage integer) returns text language plpgsql stable as $$
declare
    pos integer := 1;
    flags integer;
    n integer;
    i integer;
    t integer;
    byte integer;
    v bigint;
    shift integer;
    op text;
begin
    if b is null or octet_length(b) = 0 or stage is null then
        return null;
    end if;
    flags := get_byte(b, 0);
    -- skip the offset (32) and the account (1): one varint each
    for i in 1..((case when flags & 32 <> 0 then 1 else 0 end) + (case when flags & 1 <> 0 then 1 else 0 end)) loop
        loop
            byte := get_byte(b, pos); pos := pos + 1;
            exit when byte < 128;
        end loop;
    end loop;
    if flags & 2 <> 0 then
        v := 0; shift := 0;
        loop
            byte := get_byte(b, pos); pos := pos + 1;
            v := v | ((byte & 127)::bigint << shift);
            exit when byte < 128;
            shift := shift + 7;
        end loop;
        n := v;
        for i in 0..n - 1 loop
            t := get_byte(b, pos); pos := pos + 1;
            loop -- the duration
                byte := get_byte(b, pos); pos := pos + 1;
                exit when byte < 128;
            end loop;
            op := null;
            if t & 4 <> 0 then
                v := 0; shift := 0;
                loop
                    byte := get_byte(b, pos); pos := pos + 1;
                    v := v | ((byte & 127)::bigint << shift);
                    exit when byte < 128;
                    shift := shift + 7;
                end loop;
                if i = stage then
                    select w.word into op from cdr_word w where w.id = v;
                end if;
            end if;
            if i = stage then
                return op;
            end if;
        end loop;
        return null;
    end if;
    if flags & 16 <> 0 and flags & (4 | 64) = 0 then
        return convert_from(substring(b from pos + 1), 'UTF8')::jsonb -> 'stages' -> stage ->> 'operatorId';
    end if;
    return null;
end $$;

-- the statement triggers of V120 parse the jsonb lines; report facts of cdr are kept by rating's Java (V121 on)
drop trigger if exists cdr_report_facts_insert on cdr;
drop trigger if exists cdr_report_facts_update on cdr;
drop trigger if exists cdr_report_facts_delete on cdr;
drop view if exists report_cdr;

alter table cdr add column trunk_code text, add column forwarded_to text, add column lines_compact bytea,
    add column record_compact bytea;
update cdr set trunk_code = nullif(btrim(case when jsonb_typeof(record -> 'trunk') = 'string' then record ->> 'trunk' end), ''),
               forwarded_to = nullif(btrim(case when jsonb_typeof(record -> 'forwardedTo') = 'string'
                                                then record ->> 'forwardedTo' end), '');
update cdr set lines_compact = cdr_lines_encode(lines),
               record_compact = cdr_record_encode(record, source, cdr_id, call_type, caller, called, trunk_code,
                                                 forwarded_to);
alter table cdr drop column lines, drop column record;
alter table cdr rename column lines_compact to lines;
alter table cdr rename column record_compact to record;
alter table cdr alter column lines set default ''::bytea, alter column lines set not null,
    alter column record set not null;

-- the dimensions rating derives: trunk and forwardedTo are columns now (trunk_code: the dimension is named trunk)
create or replace function report_dims_sql(a text) returns text language sql immutable as $f$
    select format($$
        (%1$s.start_time at time zone 'Europe/Moscow')::date as day,
        case when extract(isodow from %1$s.start_time at time zone 'Europe/Moscow') < 6
                  and (%1$s.start_time at time zone 'Europe/Moscow')::time >= time '08:00'
                  and (%1$s.start_time at time zone 'Europe/Moscow')::time < time '20:00'
                  and (%1$s.start_time at time zone 'Europe/Moscow')::date <> all (array(select h.day from holiday h))
             then 'PEAK' else 'OFF_PEAK' end as time_band,
        coalesce(case when %1$s.call_type in ('INBOUND_800', 'FORWARD') and length(%1$s.caller) = 11 then
            (select p.origin from origin_prefix p where %1$s.caller like p.prefix || '%%'
              order by length(p.prefix) desc limit 1) end, '') as caller_origin,
        coalesce((select p.destination_class from destination_prefix p
                   where (case when %1$s.call_type in ('OUTBOUND', 'SURVEY', 'INFORMING') then %1$s.called
                               when %1$s.call_type in ('FORWARD', 'VIRTUAL_OFFICE') then %1$s.forwarded_to end)
                         like p.prefix || '%%'
                   order by length(p.prefix) desc limit 1), '') as destination_class,
        coalesce(%1$s.trunk_code, '') as trunk
    $$, a)
$f$;

-- the facts of rows of cdr, grouped in SQL (backfills, and the proof that the Java grouping at intake equals them):
-- the lines through cdr_lines, a stage's operator through cdr_stage_operator
create or replace function report_facts_sql(rows text) returns text[] language sql immutable as $f$
    select array[format($$
        with d as (select r.*, %2$s from (%1$s) r),
        g as (select d.day, coalesce(d.account_code, '') as account_code, d.call_type, d.source, d.status,
                     coalesce(d.reason, '') as reason, coalesce(d.tariff_code, '') as tariff_code,
                     coalesce(d.tariff_version, 0) as tariff_version, d.caller_origin, d.destination_class, d.time_band,
                     d.trunk, sum(d.sign) as calls, coalesce(sum(d.sign) filter (where d.duration_sec > 0), 0) as answered,
                     sum(d.sign * d.duration_sec) as duration_sec,
                     coalesce(sum(d.sign * (select sum(l.billed_seconds) from cdr_lines(d.lines) l)), 0) as billed_sec,
                     coalesce(sum(d.sign * d.total), 0) as amount
                from d group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
        insert into report_call_pending select * from g
        $$, rows, report_dims_sql('r')), format($$
        with x as (
            select (d.start_time at time zone 'Europe/Moscow')::date as day, coalesce(d.account_code, '') as account_code,
                   d.call_type, d.source, coalesce(d.tariff_code, '') as tariff_code,
                   coalesce(d.tariff_version, 0) as tariff_version, l.component,
                   coalesce(cdr_stage_operator(d.record, l.stage), '') as operator_id,
                   d.sign, l.billed_seconds::bigint as billed_sec, l.amount,
                   -- a call counts once per component and operator, however many lines it has there
                   case when row_number() over (partition by d.source, d.cdr_id, d.sign, l.component,
                             cdr_stage_operator(d.record, l.stage)) = 1
                        then 1 else 0 end as first
              from (%1$s) d cross join lateral cdr_lines(d.lines) l
             where d.status = 'RATED'),
        g as (select x.day, x.account_code, x.call_type, x.source, x.tariff_code, x.tariff_version, x.component,
                     x.operator_id, coalesce(o.site, '') as site, sum(x.sign * x.first) as calls, sum(x.sign) as lines,
                     sum(x.sign * x.billed_sec) as billed_sec, sum(x.sign * x.amount) as amount
                from x left join operator o on o.operator_id = nullif(x.operator_id, '')
               group by 1, 2, 3, 4, 5, 6, 7, 8, 9)
        insert into report_line_pending select * from g
        $$, rows)]
$f$;

do $$
begin
    execute format('create view report_cdr as select c.*, %s from cdr c', report_dims_sql('c'));
end $$;
