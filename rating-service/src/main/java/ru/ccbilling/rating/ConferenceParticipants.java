package ru.ccbilling.rating;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.refusal.Refusal.Fault;

/**
 * Reads the participants of a CONFERENCE record (tariff sheet 7.2, 7.5): 1 to {@value CdrReader#MAX_PARTICIPANTS}
 * objects with {@code number}, {@code direction} and {@code durationSec}; each problem names its participant, e.g.
 * {@code participants[3].direction} (0-based, as the stages). A DIAL_OUT participant without a trunk is not refused:
 * rating rejects it as UNKNOWN_TRUNK, as it does a call without one.
 */
final class ConferenceParticipants {

    private ConferenceParticipants() { }

    static List<Cdr.Participant> read(JsonNode record, List<Fault> problems) {
        JsonNode array = record.get("participants");
        if (array == null || array.isNull()) {
            problems.add(JsonFields.fault("participants", "cdr.participants.required", CdrReader.MAX_PARTICIPANTS));
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(JsonFields.fault("participants", "json.notArray"));
            return List.of();
        }
        if (array.isEmpty()) {
            problems.add(JsonFields.fault("participants", "cdr.participants.none"));
            return List.of();
        }
        if (array.size() > CdrReader.MAX_PARTICIPANTS) {
            problems.add(JsonFields.fault("participants", "cdr.participants.tooMany", CdrReader.MAX_PARTICIPANTS,
                    array.size()));
            return List.of();
        }
        List<Cdr.Participant> participants = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Cdr.Participant participant = participant(array.get(i), "participants[" + i + "]", problems);
            if (participant != null) {
                participants.add(participant);
            }
        }
        return participants;
    }

    private static Cdr.Participant participant(JsonNode node, String path, List<Fault> problems) {
        if (!node.isObject()) {
            problems.add(JsonFields.fault(path, "json.notObject"));
            return null;
        }
        int before = problems.size();
        String number = CdrReader.number(node, "number", path + ".number", true, problems);
        Cdr.Direction direction = direction(node, path + ".direction", problems);
        int seconds = CdrReader.durationSec(node, path, problems);
        String trunk = JsonFields.identifier(node, "trunk", path + ".trunk", 64, false, problems);
        return problems.size() == before ? new Cdr.Participant(number, direction, seconds, trunk) : null;
    }

    private static Cdr.Direction direction(JsonNode node, String path, List<Fault> problems) {
        JsonNode value = node.get("direction");
        if (value == null || value.isNull()) {
            problems.add(JsonFields.fault(path, "value.required"));
            return null;
        }
        if (value.isTextual()) {
            for (Cdr.Direction direction : Cdr.Direction.values()) {
                if (direction.name().equals(value.asText())) {
                    return direction;
                }
            }
        }
        problems.add(JsonFields.fault(path, "json.oneOf", "DIAL_IN, DIAL_OUT"));
        return null;
    }
}
