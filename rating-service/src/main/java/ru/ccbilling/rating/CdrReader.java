package ru.ccbilling.rating;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.input.StoredText;
import ru.ccbilling.refusal.Refusal.Fault;

/**
 * Reads one CDR from JSON, checking every field: a record with any problem is refused with all of them,
 * each naming its field. Records are read one by one, so one bad record never spoils a batch.
 */
public final class CdrReader {

    public static final int MAX_STAGES = 4;
    public static final int MAX_STAGE_SECONDS = 86_400;
    /** tariff sheet 7.2 */
    public static final int MAX_PARTICIPANTS = 50;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,15}");

    /** Either the CDR or the problems; exactly one is present. */
    public record Read(Cdr cdr, List<Fault> problems) {
        public boolean ok() {
            return cdr != null;
        }
    }

    private CdrReader() { }

    public static Read read(JsonNode node) {
        List<Fault> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            problems.add(JsonFields.fault("record", "json.notObject"));
            return new Read(null, problems);
        }
        String source = JsonFields.identifier(node, "source", 64, true, problems);
        String cdrId = JsonFields.identifier(node, "cdrId", 128, true, problems);
        Cdr.CallType callType = callType(node, problems);
        OffsetDateTime startTime = JsonFields.timestamp(node, "startTime", problems);
        boolean conference = callType == Cdr.CallType.CONFERENCE;
        String caller = number(node, "caller", true, problems);
        // a conference has no called number (sheet 7.2): one sent anyway is checked and kept, never priced
        String called = number(node, "called", !conference, problems);
        String accountCode = JsonFields.identifier(node, "accountCode", 64, callType != null && callType.namesAccount(),
                problems);
        // a missing trunk is not refused: the tariff rejects it as UNKNOWN_TRUNK, kept for reprocessing
        String trunk = JsonFields.identifier(node, "trunk", 64, false, problems);
        String forwardedTo = number(node, "forwardedTo", callType == Cdr.CallType.FORWARD, problems);
        List<Cdr.Stage> stages = List.of();
        List<Cdr.Participant> participants = List.of();
        if (conference) {
            if (node.has("stages") && !node.get("stages").isNull()) {
                problems.add(JsonFields.fault("stages", "cdr.conference.noStages"));
            }
            participants = ConferenceParticipants.read(node, problems);
        } else {
            stages = stages(node, problems);
            if (node.has("participants") && !node.get("participants").isNull()) {
                problems.add(JsonFields.fault("participants", "cdr.participants.onlyConference"));
            }
        }
        boolean surveyCompleted = surveyCompleted(node, callType, stages, problems);
        if (problems.isEmpty()) {
            JsonText.loneSurrogates(node, "", problems);
        }
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        return new Read(new Cdr(source, cdrId, callType, startTime, caller, called, accountCode, trunk, forwardedTo,
                stages, participants, surveyCompleted, node), List.of());
    }

    /** a boolean, false when absent; a completed survey needs a call that lasted (sheet 7.5); kept on SURVEY only */
    private static boolean surveyCompleted(JsonNode node, Cdr.CallType callType, List<Cdr.Stage> stages,
                                           List<Fault> problems) {
        JsonNode value = node.get("surveyCompleted");
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(JsonFields.fault("surveyCompleted", "json.notBoolean"));
            return false;
        }
        if (callType != Cdr.CallType.SURVEY || !value.booleanValue()) {
            return false;
        }
        if (!stages.isEmpty() && stages.stream().mapToInt(Cdr.Stage::durationSec).sum() == 0) {
            problems.add(JsonFields.fault("surveyCompleted", "cdr.survey.completedWithoutCall"));
            return false;
        }
        return true;
    }

    /** the source and cdrId of a record, as far as they can be read, for the answer to a refused record */
    public static String idPart(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Cdr.CallType callType(JsonNode node, List<Fault> problems) {
        String text = JsonFields.text(node, "callType", 32, true, problems);
        if (text == null) {
            return null;
        }
        try {
            return Cdr.CallType.valueOf(text);
        } catch (IllegalArgumentException e) {
            problems.add(JsonFields.fault("callType", "json.oneOf",
                    "INBOUND_800, OUTBOUND, FORWARD, VIRTUAL_OFFICE, CONFERENCE, SURVEY, INFORMING"));
            return null;
        }
    }

    static String number(JsonNode node, String field, boolean required, List<Fault> problems) {
        return number(node, field, field, required, problems);
    }

    /** E.164 digits of {@code node.field}, a problem named {@code path} otherwise */
    static String number(JsonNode node, String field, String path, boolean required, List<Fault> problems) {
        String text = JsonFields.text(node, field, path, 32, required, problems);
        if (text == null) {
            return null;
        }
        if (!DIGITS.matcher(text).matches()) {
            problems.add(JsonFields.fault(path, "cdr.number.notE164"));
            return null;
        }
        return text;
    }

    private static List<Cdr.Stage> stages(JsonNode node, List<Fault> problems) {
        JsonNode array = node.get("stages");
        if (array == null || array.isNull()) {
            problems.add(JsonFields.fault("stages", "cdr.stages.required", MAX_STAGES));
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(JsonFields.fault("stages", "json.notArray"));
            return List.of();
        }
        if (array.isEmpty()) {
            problems.add(JsonFields.fault("stages", "cdr.stages.none"));
            return List.of();
        }
        if (array.size() > MAX_STAGES) {
            problems.add(JsonFields.fault("stages", "cdr.stages.tooMany", MAX_STAGES, array.size()));
            return List.of();
        }
        List<Cdr.Stage> stages = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Cdr.Stage stage = stage(array.get(i), "stages[" + i + "]", problems);
            if (stage != null) {
                stages.add(stage);
            }
        }
        return stages;
    }

    /** 60 and 60.0 are whole numbers of seconds; 60.5, "60", 1e12 and 1e400 are not */
    static boolean isWholeNumber(JsonNode value) {
        if (!value.isNumber() || (value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            return false;
        }
        java.math.BigDecimal number = value.decimalValue();
        return number.signum() == 0 || (number.stripTrailingZeros().scale() <= 0
                && number.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                && number.compareTo(java.math.BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0);
    }

    /** whole seconds, 0 to a day, of {@code node.durationSec}; 0 with a problem named {@code path.durationSec} otherwise */
    static int durationSec(JsonNode node, String path, List<Fault> problems) {
        JsonNode duration = node.get("durationSec");
        if (duration == null || duration.isNull()) {
            problems.add(JsonFields.fault(path + ".durationSec", "value.required"));
        } else if (!isWholeNumber(duration)) {
            problems.add(JsonFields.fault(path + ".durationSec", "cdr.duration.notWhole"));
        } else if (duration.intValue() < 0) {
            problems.add(JsonFields.fault(path + ".durationSec", "cdr.duration.negative"));
        } else if (duration.intValue() > MAX_STAGE_SECONDS) {
            problems.add(JsonFields.fault(path + ".durationSec", "cdr.duration.tooLong", MAX_STAGE_SECONDS));
        } else {
            return duration.intValue();
        }
        return 0;
    }

    private static Cdr.Stage stage(JsonNode node, String path, List<Fault> problems) {
        if (!node.isObject()) {
            problems.add(JsonFields.fault(path, "json.notObject"));
            return null;
        }
        int before = problems.size();
        Cdr.StageType type = null;
        JsonNode typeNode = node.get("type");
        if (typeNode == null || typeNode.isNull()) {
            problems.add(JsonFields.fault(path + ".type", "value.required"));
        } else {
            try {
                type = Cdr.StageType.valueOf(typeNode.asText());
            } catch (IllegalArgumentException e) {
                problems.add(JsonFields.fault(path + ".type", "json.oneOf", "IVR, OPERATOR, POST"));
            }
        }
        int seconds = durationSec(node, path, problems);
        String operatorId = null;
        JsonNode operator = node.get("operatorId");
        if (operator != null && !operator.isNull()) {
            if (!operator.isTextual() || operator.asText().isBlank()) {
                problems.add(JsonFields.fault(path + ".operatorId", "json.notBlankString"));
            } else if (operator.asText().trim().length() > 64) {
                problems.add(JsonFields.fault(path + ".operatorId", "json.tooLong", 64));
            } else if (StoredText.identifierProblem(operator.asText()) != null) {
                problems.add(new Fault(path + ".operatorId", StoredText.identifierProblem(operator.asText())));
            } else {
                operatorId = operator.asText().trim();
            }
        } else if (type == Cdr.StageType.OPERATOR) {
            problems.add(JsonFields.fault(path + ".operatorId", "cdr.operatorId.required"));
        }
        return problems.size() == before ? new Cdr.Stage(type, seconds, operatorId) : null;
    }
}
