-- Issue 13: one B-tree less per stored CDR. cdr_key, which makes source + cdrId unique for ever, also names the row
-- it claimed (start_time, id): a lookup reads cdr_key's primary key, then the row through cdr_start (start_time desc,
-- id desc) of one partition. The primary key (source, cdr_id, start_time) of every partition duplicated cdr_key and
-- is dropped.
alter table cdr_key add column id bigint;
update cdr_key k set id = c.id from cdr c
 where c.source = k.source and c.cdr_id = k.cdr_id and c.start_time = k.start_time;
alter table cdr drop constraint cdr_pkey;
