package ru.ccbilling.rating;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A priced line's note as its reader reads it. The rules write notes in the words of their author, and the shipped
 * rules' words are English (they are stored as written, and documents read them, see billing's {@code UsageNames});
 * a Russian reader gets the shipped phrases and the price's source ("(NetworkMinute[MOBILE, PEAK])") in Russian:
 * «каждая начатая минута (минута сети 8-800: мобильные, час пик)». Words a tariff manager wrote stay as written.
 */
public final class LineNotes {

    /** the shipped rules' phrases (call-lines.drl, service-lines.drl), longest first when applied */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("per second, half rate: the call reached an operator", "посекундно, за полцены: вызов дошёл до оператора"),
            Map.entry("first operator, every started minute", "первый оператор, каждая начатая минута"),
            Map.entry("transfer, per second", "перевод, посекундно"),
            Map.entry("; dedicated operator ", "; выделенный оператор "),
            Map.entry(": included in the subscription", ": входит в абонентскую плату"),
            Map.entry("virtual office: free call, 3 s or less", "виртуальный офис: бесплатный вызов, 3 с и короче"),
            Map.entry("virtual office, every started minute", "виртуальный офис, каждая начатая минута"),
            Map.entry("virtual office forwarded out, 30/6", "виртуальный офис, переадресация наружу, 30/6"),
            Map.entry("recorded message of an informing call: covered by the attempt fee",
                    "запись сообщения автоинформирования: входит в плату за попытку"),
            Map.entry("post-processing, once per call", "постобработка, один раз за вызов"),
            Map.entry("post-processing of 0 s", "постобработка длительностью 0 с"),
            Map.entry("post-processing already billed for this call", "постобработка этого вызова уже оплачена"),
            Map.entry("outbound leg of a survey or informing call, 30/6", "исходящее плечо опроса или автоинформирования, 30/6"),
            Map.entry("labelled survey or informing call", "маркированный вызов опроса или автоинформирования"),
            Map.entry("labelled outbound call", "маркированный исходящий вызов"),
            Map.entry("informing attempt, answered or not", "попытка автоинформирования, отвеченная или нет"),
            Map.entry("free call: 3 s or less", "бесплатный вызов: 3 с и короче"),
            Map.entry("forwarded leg, 30/6", "переадресованное плечо, 30/6"),
            Map.entry("completed survey", "завершённая анкета"),
            Map.entry("abandoned in IVR: under 10 s and no operator", "брошен в IVR: короче 10 с и без оператора"),
            Map.entry(": 3 s or less, free", ": 3 с и короче, бесплатно"),
            Map.entry(" dialled out, 30/6", ", вызванный конференцией, 30/6"),
            Map.entry("every started minute", "каждая начатая минута"),
            Map.entry("per second", "посекундно"),
            Map.entry("participant ", "участник "));
    private static final List<Map.Entry<String, String>> LONGEST_FIRST = PHRASES.entrySet().stream()
            .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()).toList();

    /** the decision tables of the shipped tariff by their names */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("NetworkMinute", "минута сети 8-800"), Map.entry("IvrMinute", "минута голосового меню"),
            Map.entry("OperatorMinute", "минута оператора"), Map.entry("PostProcessingFee", "постобработка"),
            Map.entry("OutboundMinute", "минута исходящего вызова"), Map.entry("MarkingFee", "маркировка вызова"),
            Map.entry("VirtualOfficeMinute", "минута виртуального офиса"),
            Map.entry("ConferencePortMinute", "минута порта конференции"),
            Map.entry("SurveyCompletedFee", "завершённая анкета опроса"),
            Map.entry("InformingAttemptFee", "вызов автоинформирования"), Map.entry("OneTimeService", "разовая услуга"));

    /** the tables' inputs the shipped tariff uses */
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("LOCAL", "местные"), Map.entry("INTERCITY", "междугородные"), Map.entry("MOBILE", "мобильные"),
            Map.entry("PEAK", "час пик"), Map.entry("OFF_PEAK", "вне часа пик"), Map.entry("MSK", "Москва"),
            Map.entry("NSK", "Новосибирск"), Map.entry("REMOTE", "операторы на дому"),
            Map.entry("MOSCOW_FIXED", "городские Москвы"), Map.entry("RU_MOBILE", "мобильные России"),
            Map.entry("RU_INTERCITY", "междугородные России"), Map.entry("BELARUS", "Беларусь"),
            Map.entry("NORTH_AMERICA", "Северная Америка"), Map.entry("DIAL_IN", "подключился сам"),
            Map.entry("DIAL_OUT", "вызван конференцией"), Map.entry("INBOUND_800", "входящий на 8-800"),
            Map.entry("OUTBOUND", "исходящий"), Map.entry("FORWARD", "переадресация"),
            Map.entry("SURVEY", "опрос"), Map.entry("INFORMING", "автоинформирование"),
            Map.entry("VIRTUAL_OFFICE", "виртуальный офис"), Map.entry("CONFERENCE", "конференция"),
            Map.entry("SMS", "SMS"), Map.entry("EMAIL", "e-mail"), Map.entry("FAX", "факс"));

    /** "(Table[input, input] x 0.5)" at the end of a note */
    private static final Pattern SOURCE = Pattern.compile("\\((\\w+)\\[([^\\]]*)\\]\\s*(?:x\\s*([0-9.]+))?\\)\\s*$");

    private LineNotes() { }

    /** the note for a reader of {@code locale}: Russian unless English is asked for; null stays null */
    public static String forReader(String note, Locale locale) {
        if (note == null || locale != null && "en".equals(locale.getLanguage())) {
            return note;
        }
        return russian(note);
    }

    static String russian(String note) {
        Matcher source = SOURCE.matcher(note);
        boolean sourced = source.find();
        String head = sourced ? note.substring(0, source.start()) : note;
        for (Map.Entry<String, String> phrase : LONGEST_FIRST) {
            head = head.replace(phrase.getKey(), phrase.getValue());
        }
        return sourced ? head + "(" + source(source) + ")" : head;
    }

    private static String source(Matcher m) {
        String table = TABLES.getOrDefault(m.group(1), m.group(1));
        StringBuilder out = new StringBuilder(table);
        String inputs = m.group(2).trim();
        if (!inputs.isEmpty()) {
            out.append(": ");
            String[] values = inputs.split(",\\s*");
            for (int i = 0; i < values.length; i++) {
                out.append(i == 0 ? "" : ", ").append(VALUES.getOrDefault(values[i].trim(), values[i].trim()));
            }
        }
        if (m.group(3) != null) {
            out.append(" × ").append(m.group(3).replace('.', ','));
        }
        return out.toString();
    }
}
