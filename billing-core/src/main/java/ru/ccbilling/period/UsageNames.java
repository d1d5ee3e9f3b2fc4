package ru.ccbilling.period;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What tells two prices of one service apart on a document, in Russian, read from the rating note of the price
 * (the rule, then the table and its inputs in brackets, e.g. "per second, half rate: the call reached an operator
 * (IvrMinute[INBOUND_800] x 0.5)" or "every started minute (NetworkMinute[MOBILE, PEAK])"). Inputs this class does
 * not know are left out; the statement then adds the price to names that would repeat.
 */
final class UsageNames {

    private static final Pattern SOURCE = Pattern.compile("\\((\\w+)\\[([^\\]]*)\\]([^)]*)\\)\\s*$");

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("LOCAL", "с местных номеров"), Map.entry("INTERCITY", "с междугородных номеров"),
            Map.entry("MOBILE", "с мобильных номеров"), Map.entry("PEAK", "час пик"),
            Map.entry("OFF_PEAK", "вне часа пик"), Map.entry("MSK", "площадка Москва"),
            Map.entry("NSK", "площадка Новосибирск"), Map.entry("REMOTE", "удалённые операторы"),
            Map.entry("MOSCOW_FIXED", "на городские номера Москвы"), Map.entry("RU_MOBILE", "на мобильные номера России"),
            Map.entry("RU_INTERCITY", "на междугородные номера России"), Map.entry("BELARUS", "в Беларусь"),
            Map.entry("NORTH_AMERICA", "в Северную Америку"), Map.entry("DIAL_IN", "участники, подключившиеся сами"),
            Map.entry("DIAL_OUT", "участники, вызванные конференцией"));

    private UsageNames() { }

    /** ", с мобильных номеров, час пик"; "" when the note says nothing a reader needs */
    static String qualifier(String component, String note) {
        if (note == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        String c = component == null ? "" : component;
        if ("IVR".equals(c)) {
            parts.add(note.contains("reached an operator") ? "вызовы с оператором" : "вызовы без оператора");
        } else if ("OPERATOR".equals(c) && note.startsWith("transfer")) {
            parts.add("переводы вызовов, посекундно");
        }
        Matcher m = SOURCE.matcher(note);
        if (m.find() && !"IvrMinute".equals(m.group(1)) && !"PostProcessingFee".equals(m.group(1))
                && !"MarkingFee".equals(m.group(1))) {
            String[] inputs = m.group(2).split(",\\s*");
            for (int i = 0; i < inputs.length; i++) {
                String input = inputs[i].trim();
                // the outbound table's second input is the trunk
                String word = "OutboundMinute".equals(m.group(1)) && i == 1 ? "транк " + input : WORDS.get(input);
                if (word != null) {
                    parts.add(word);
                }
            }
        }
        return parts.isEmpty() ? "" : ", " + String.join(", ", parts);
    }
}
