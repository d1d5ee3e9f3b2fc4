package ru.ccbilling.cdr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.ccbilling.rating.Cdr;

/**
 * The record as received, stored as what the columns do not hold (column {@code cdr.record}, bytea) and rebuilt on
 * read: the columns give source, cdrId, callType, startTime, caller, called, trunk and forwardedTo; these bytes give
 * the rest of what intake read (the account a record names, its stages or participants, a completed survey, the
 * offset startTime was written in) and, as JSON, every field of the record that the rebuilt one would not hold as
 * sent (a vendor's extra fields, a value written differently, e.g. with spaces or {@code 60.0}). The rebuilt record is
 * then the record as sent, modulo key order. Bytes:
 * <pre>
 *   byte flags: 1 account, 2 stages, 4 participants, 8 surveyCompleted true, 16 JSON of the rest, 32 offset, 64 absent
 *   [zigzag offset seconds, when not +03:00], [varint account word id],
 *   [varint n, n x (byte type | 4 if an operator, varint durationSec, [varint operator word id])],
 *   [varint n, n x (string number, byte direction | 4 if a trunk, varint durationSec, [varint trunk word id])],
 *   [varint n, n x string: fields the rebuilt record must not have], [the rest: UTF-8 JSON object]
 * </pre>
 * Words are ids of {@link CdrWords}. Rows converted by rating's V122 hold startTime, stages and participants in the
 * JSON part: the same bytes read the same way.
 */
@Component
public class CompactRecords {

    private static final int ACCOUNT = 1;
    private static final int STAGES = 2;
    private static final int PARTICIPANTS = 4;
    private static final int SURVEY = 8;
    private static final int REST = 16;
    private static final int OFFSET = 32;
    private static final int ABSENT = 64;
    private static final ZoneOffset MOSCOW = ZoneOffset.ofHours(3);
    private static final Cdr.StageType[] STAGE_TYPES = Cdr.StageType.values();
    private static final Cdr.Direction[] DIRECTIONS = Cdr.Direction.values();

    private final ObjectMapper json;
    private final CdrWords words;

    CompactRecords(ObjectMapper json, CdrWords words) {
        this.json = json;
        this.words = words;
    }

    /** the words a record needs in the dictionary */
    static void words(Cdr cdr, Collection<String> into) {
        if (cdr.accountCode() != null) {
            into.add(cdr.accountCode());
        }
        for (Cdr.Stage stage : cdr.stages()) {
            if (stage.operatorId() != null) {
                into.add(stage.operatorId());
            }
        }
        for (Cdr.Participant p : cdr.participants()) {
            if (p.trunk() != null) {
                into.add(p.trunk());
            }
        }
    }

    /**
     * What of a record its columns and compact fields would not give back as it was sent: the fields written otherwise
     * or held nowhere else ({@code rest}, null when none) and the fields the rebuilt record has that the record had not
     * ({@code absent}). Intake takes it as soon as a record is rated, so that the tree the record was read into is
     * garbage before the batch is stored (a poll of thousands of records otherwise keeps every tree alive through its
     * transaction, and the young collections copy them).
     */
    public record Residue(ObjectNode rest, List<String> absent) {

        /** a text field of the record as sent (PostgreSQL's {@code ->>}), given its value in the columns */
        String text(String field, String column) {
            if (rest != null && rest.has(field)) {
                return ReportFacts.text(rest, field);
            }
            return absent.contains(field) ? null : column;
        }

        /** the operatorId of a stage of the record as sent, given the stages read from it */
        String operatorOf(int stage, List<Cdr.Stage> stages) {
            if (rest != null && rest.has("stages")) {
                return ReportFacts.operatorOf(rest, stage);
            }
            return stage < 0 || stage >= stages.size() ? null : stages.get(stage).operatorId();
        }
    }

    /** the residue of a record that was read as {@code cdr} (whose {@code raw} is the tree it was read from) */
    Residue residue(Cdr cdr) {
        JsonNode raw = cdr.raw();
        ObjectNode rebuilt = rebuild(cdr);
        ObjectNode rest = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!Objects.equals(rebuilt.get(field.getKey()), field.getValue())) {
                if (rest == null) {
                    rest = json.createObjectNode();
                }
                rest.set(field.getKey(), field.getValue());
            }
        }
        List<String> absent = new ArrayList<>(0);
        rebuilt.fieldNames().forEachRemaining(name -> {
            if (!raw.has(name)) {
                absent.add(name);
            }
        });
        return new Residue(rest, absent.isEmpty() ? List.of() : List.copyOf(absent));
    }

    /** the bytes of a record stored with its columns, from its fields and its {@link #residue} */
    byte[] encode(Cdr cdr, Residue residue, Map<String, Integer> ids) {
        ZoneOffset offset = cdr.startTime().getOffset();
        int flags = 0;
        if (!MOSCOW.equals(offset)) {
            flags |= OFFSET;
        }
        if (cdr.accountCode() != null) {
            flags |= ACCOUNT;
        }
        if (!cdr.stages().isEmpty()) {
            flags |= STAGES;
        }
        if (!cdr.participants().isEmpty()) {
            flags |= PARTICIPANTS;
        }
        if (cdr.surveyCompleted()) {
            flags |= SURVEY;
        }
        ObjectNode rest = residue.rest();
        List<String> absent = residue.absent();
        if (rest != null) {
            flags |= REST;
        }
        if (!absent.isEmpty()) {
            flags |= ABSENT;
        }
        CompactBytes.Out out = new CompactBytes.Out(24);
        out.put(flags);
        if ((flags & OFFSET) != 0) {
            out.zigzag(offset.getTotalSeconds());
        }
        if ((flags & ACCOUNT) != 0) {
            out.varint(ids.get(cdr.accountCode()));
        }
        if ((flags & STAGES) != 0) {
            out.varint(cdr.stages().size());
            for (Cdr.Stage s : cdr.stages()) {
                out.put(s.type().ordinal() | (s.operatorId() != null ? 4 : 0)).varint(s.durationSec());
                if (s.operatorId() != null) {
                    out.varint(ids.get(s.operatorId()));
                }
            }
        }
        if ((flags & PARTICIPANTS) != 0) {
            out.varint(cdr.participants().size());
            for (Cdr.Participant p : cdr.participants()) {
                out.string(p.number()).put(p.direction().ordinal() | (p.trunk() != null ? 4 : 0))
                        .varint(p.durationSec());
                if (p.trunk() != null) {
                    out.varint(ids.get(p.trunk()));
                }
            }
        }
        if ((flags & ABSENT) != 0) {
            out.varint(absent.size());
            absent.forEach(out::string);
        }
        if (rest != null) {
            out.put(CdrRows.storableJson(rest.toString()).getBytes(StandardCharsets.UTF_8));
        }
        return out.toArray();
    }

    /** the record as received, from its columns and its stored bytes */
    public ObjectNode decode(String source, String cdrId, String callType, OffsetDateTime startTime, String caller,
                             String called, String trunk, String forwardedTo, byte[] bytes) {
        CompactBytes.In in = new CompactBytes.In(bytes);
        int flags = in.more() ? in.get() : 0;
        ZoneOffset offset = (flags & OFFSET) != 0 ? ZoneOffset.ofTotalSeconds(Math.toIntExact(in.zigzag())) : MOSCOW;
        ObjectNode record = rebuild(source, cdrId, callType, startTime.withOffsetSameInstant(offset), caller, called,
                trunk, forwardedTo);
        if ((flags & ACCOUNT) != 0) {
            record.put("accountCode", words.word(in.varint32()));
        }
        if ((flags & STAGES) != 0) {
            ArrayNode stages = record.putArray("stages");
            for (int i = 0, n = in.varint32(); i < n; i++) {
                int b = in.get();
                ObjectNode stage = stages.addObject().put("type", STAGE_TYPES[b & 3].name())
                        .put("durationSec", in.varint32());
                if ((b & 4) != 0) {
                    stage.put("operatorId", words.word(in.varint32()));
                }
            }
        }
        if ((flags & PARTICIPANTS) != 0) {
            ArrayNode participants = record.putArray("participants");
            for (int i = 0, n = in.varint32(); i < n; i++) {
                ObjectNode p = participants.addObject();
                p.put("number", in.string());
                int b = in.get();
                p.put("direction", DIRECTIONS[b & 3].name()).put("durationSec", in.varint32());
                if ((b & 4) != 0) {
                    p.put("trunk", words.word(in.varint32()));
                }
            }
        }
        if ((flags & SURVEY) != 0) {
            record.put("surveyCompleted", true);
        }
        if ((flags & ABSENT) != 0) {
            for (int i = 0, n = in.varint32(); i < n; i++) {
                record.remove(in.string());
            }
        }
        if ((flags & REST) != 0) {
            try {
                JsonNode rest = json.readTree(in.rest());
                rest.fields().forEachRemaining(f -> record.set(f.getKey(), f.getValue()));
            } catch (IOException e) {
                throw new IllegalStateException("unreadable stored record " + source + "/" + cdrId, e);
            }
        }
        return record;
    }

    /** what the columns and the compact fields hold, as the record would have written it */
    private ObjectNode rebuild(Cdr cdr) {
        ObjectNode rebuilt = rebuild(cdr.source(), cdr.cdrId(), cdr.callType().name(), cdr.startTime(), cdr.caller(),
                cdr.called(), cdr.trunk(), cdr.forwardedTo());
        if (cdr.accountCode() != null) {
            rebuilt.put("accountCode", cdr.accountCode());
        }
        if (!cdr.stages().isEmpty()) {
            rebuilt.set("stages", stages(cdr.stages()));
        }
        if (!cdr.participants().isEmpty()) {
            rebuilt.set("participants", participants(cdr.participants()));
        }
        if (cdr.surveyCompleted()) {
            rebuilt.put("surveyCompleted", true);
        }
        return rebuilt;
    }

    /** what the columns hold, as the record wrote it */
    private ObjectNode rebuild(String source, String cdrId, String callType, OffsetDateTime startTime, String caller,
                               String called, String trunk, String forwardedTo) {
        ObjectNode r = json.createObjectNode();
        r.put("source", source).put("cdrId", cdrId).put("callType", callType)
                .put("startTime", startTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (caller != null) {
            r.put("caller", caller);
        }
        if (called != null) {
            r.put("called", called);
        }
        if (trunk != null) {
            r.put("trunk", trunk);
        }
        if (forwardedTo != null) {
            r.put("forwardedTo", forwardedTo);
        }
        return r;
    }

    private ArrayNode stages(List<Cdr.Stage> stages) {
        ArrayNode array = json.createArrayNode();
        for (Cdr.Stage s : stages) {
            ObjectNode stage = array.addObject().put("type", s.type().name()).put("durationSec", s.durationSec());
            if (s.operatorId() != null) {
                stage.put("operatorId", s.operatorId());
            }
        }
        return array;
    }

    private ArrayNode participants(List<Cdr.Participant> participants) {
        ArrayNode array = json.createArrayNode();
        for (Cdr.Participant p : participants) {
            ObjectNode node = array.addObject().put("number", p.number()).put("direction", p.direction().name())
                    .put("durationSec", p.durationSec());
            if (p.trunk() != null) {
                node.put("trunk", p.trunk());
            }
        }
        return array;
    }
}
