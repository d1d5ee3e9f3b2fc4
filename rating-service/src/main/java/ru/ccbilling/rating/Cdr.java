package ru.ccbilling.rating;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A call detail record that passed intake checks: well-formed, 1 to 4 stages, durations of 0 or more; a CONFERENCE
 * has no stages and 1 to 50 participants instead (tariff sheet 7.2). {@code surveyCompleted} is false but on a SURVEY.
 */
public record Cdr(String source, String cdrId, CallType callType, OffsetDateTime startTime, String caller, String called,
                  String accountCode, String trunk, String forwardedTo, List<Stage> stages,
                  List<Participant> participants, boolean surveyCompleted, JsonNode raw) {

    public enum CallType {
        INBOUND_800, OUTBOUND, FORWARD, VIRTUAL_OFFICE, CONFERENCE, SURVEY, INFORMING;

        /** the account is named by the record's {@code accountCode}, not found by the number called */
        public boolean namesAccount() {
            return this == OUTBOUND || this == CONFERENCE || this == SURVEY || this == INFORMING;
        }
    }

    public enum StageType { IVR, OPERATOR, POST }

    public enum Direction { DIAL_IN, DIAL_OUT }

    public record Stage(StageType type, int durationSec, String operatorId) { }

    /** one participant of a conference; {@code trunk} may be null (a DIAL_OUT without one is rejected, not refused) */
    public record Participant(String number, Direction direction, int durationSec, String trunk) { }

    public Cdr {
        stages = List.copyOf(stages);
        participants = participants == null ? List.of() : List.copyOf(participants);
    }

    /** a call of section 2: no participants, no survey */
    public Cdr(String source, String cdrId, CallType callType, OffsetDateTime startTime, String caller, String called,
               String accountCode, String trunk, String forwardedTo, List<Stage> stages, JsonNode raw) {
        this(source, cdrId, callType, startTime, caller, called, accountCode, trunk, forwardedTo, stages, List.of(),
                false, raw);
    }

    /** the same record without the tree it was read from (once what only the tree holds is kept elsewhere) */
    public Cdr withoutRaw() {
        return new Cdr(source, cdrId, callType, startTime, caller, called, accountCode, trunk, forwardedTo, stages,
                participants, surveyCompleted, null);
    }

    /** the call duration D: the sum of the stage durations; a conference's is its longest participant's */
    public int durationSec() {
        int total = 0;
        for (Stage stage : stages) {
            total += stage.durationSec();
        }
        for (Participant participant : participants) {
            total = Math.max(total, participant.durationSec());
        }
        return total;
    }
}
