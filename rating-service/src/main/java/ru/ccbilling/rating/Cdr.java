package ru.ccbilling.rating;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A call detail record that passed intake checks: well-formed, 1 to 4 stages, durations of 0 or more. */
public record Cdr(String source, String cdrId, CallType callType, OffsetDateTime startTime, String caller, String called,
                  String accountCode, String trunk, String forwardedTo, List<Stage> stages, JsonNode raw) {

    public enum CallType { INBOUND_800, OUTBOUND, FORWARD }

    public enum StageType { IVR, OPERATOR, POST }

    public record Stage(StageType type, int durationSec, String operatorId) { }

    public Cdr {
        stages = List.copyOf(stages);
    }

    /** the call duration D: the sum of the stage durations */
    public int durationSec() {
        int total = 0;
        for (Stage stage : stages) {
            total += stage.durationSec();
        }
        return total;
    }
}
