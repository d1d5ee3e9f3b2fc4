-- cdr_stage_operator (V122) looked for a stage's operator in the record's JSON part only when the bytes had neither
-- participants (4) nor the names of absent fields (64) before it, so a record lacking a field its columns hold (rows
-- written by cdr_record_encode from a record without startTime: the benchmarks' generators) had no operator in the
-- reports' drill-down and in report_facts_sql. Those sections are skipped now, as cdr.CompactRecords reads them.
-- the position after a string of the bytes at pos (cdr_string: varint length + 1, 0 for null, then UTF-8)
create function cdr_skip_string(b bytea, pos integer) returns integer language plpgsql immutable as $$
declare
    v bigint := 0;
    shift integer := 0;
    byte integer;
begin
    loop
        byte := get_byte(b, pos); pos := pos + 1;
        v := v | ((byte & 127)::bigint << shift);
        exit when byte < 128;
        shift := shift + 7;
    end loop;
    return pos + greatest(v - 1, 0)::integer;
end $$;

create or replace function cdr_stage_operator(b bytea, stage integer) returns text language plpgsql stable as $$
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
    if flags & 16 = 0 then
        return null;
    end if;
    -- the participants (4): varint n, then per participant a string, a direction byte, a duration, [a trunk word]
    if flags & 4 <> 0 then
        v := 0; shift := 0;
        loop
            byte := get_byte(b, pos); pos := pos + 1;
            v := v | ((byte & 127)::bigint << shift);
            exit when byte < 128;
            shift := shift + 7;
        end loop;
        n := v;
        for i in 1..n loop
            pos := cdr_skip_string(b, pos);
            t := get_byte(b, pos); pos := pos + 1;
            for k in 1..(case when t & 4 <> 0 then 2 else 1 end) loop
                loop
                    byte := get_byte(b, pos); pos := pos + 1;
                    exit when byte < 128;
                end loop;
            end loop;
        end loop;
    end if;
    -- the names of absent fields (64): varint n, n strings
    if flags & 64 <> 0 then
        v := 0; shift := 0;
        loop
            byte := get_byte(b, pos); pos := pos + 1;
            v := v | ((byte & 127)::bigint << shift);
            exit when byte < 128;
            shift := shift + 7;
        end loop;
        n := v;
        for i in 1..n loop
            pos := cdr_skip_string(b, pos);
        end loop;
    end if;
    return convert_from(substring(b from pos + 1), 'UTF8')::jsonb -> 'stages' -> stage ->> 'operatorId';
end $$;
