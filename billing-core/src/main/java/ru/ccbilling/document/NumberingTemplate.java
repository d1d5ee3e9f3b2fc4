package ru.ccbilling.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.ccbilling.refusal.Refusal;

/**
 * How a seller writes the numbers of one document type: literal text with fields {SEQ} (the counter, once),
 * {SEQ:n} (zero-padded to n digits), {YYYY}, {YY}, {MM} (of the document date) and {DIV} (the division index,
 * as in "123/02"). {@code reset} says when the counter starts again at 1.
 */
public record NumberingTemplate(String seller, DocumentType type, String template, String division, Reset reset) {

    public enum Reset { YEARLY, NEVER }

    private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SEQ = Pattern.compile("SEQ(?::(\\d{1,2}))?");
    private static final Pattern LITERAL = Pattern.compile("[\\p{L}\\p{N}/_.-]*");
    private static final Pattern DIVISION = Pattern.compile("[\\p{L}\\p{N}_-]{1,16}");

    public NumberingTemplate {
        validate(template, division);
        if (reset == null) {
            throw Refusal.invalid("reset", "document.resetRequired");
        }
    }

    /** the default where a seller configured nothing: the bare counter, reset every year */
    public static NumberingTemplate standard(String seller, DocumentType type) {
        return new NumberingTemplate(seller, type, "{SEQ}", null, Reset.YEARLY);
    }

    /** the counter period a document of that date belongs to: its year, or 0 when the counter never resets */
    public int period(LocalDate date) {
        return reset == Reset.YEARLY ? date.getYear() : 0;
    }

    /** the number for counter value {@code seq} on a document dated {@code date} */
    public String format(long seq, LocalDate date) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String field = m.group(1);
            String value = switch (field) {
                case "YYYY" -> String.valueOf(date.getYear());
                case "YY" -> String.format("%02d", date.getYear() % 100);
                case "MM" -> String.format("%02d", date.getMonthValue());
                case "DIV" -> division;
                default -> {
                    Matcher seqField = SEQ.matcher(field);
                    seqField.matches();
                    yield seqField.group(1) == null ? String.valueOf(seq)
                            : String.format("%0" + Integer.parseInt(seqField.group(1)) + "d", seq);
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static void validate(String template, String division) {
        if (template == null || template.isBlank()) {
            throw Refusal.invalid("template", "value.required");
        }
        if (template.length() > 60) {
            throw Refusal.invalid("template", "document.templateTooLong", 60);
        }
        String outside = FIELD.matcher(template).replaceAll("");
        if (outside.contains("{") || outside.contains("}")) {
            throw Refusal.invalid("template", "document.templateBrace");
        }
        // a number is printed on documents and may name files: nothing that reads as markup or a path step
        if (!LITERAL.matcher(outside).matches()) {
            throw Refusal.invalid("template", "document.templateCharacters");
        }
        if (template.contains("..")) {
            throw Refusal.invalid("template", "document.templateDots");
        }
        List<String> fields = new ArrayList<>();
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            fields.add(m.group(1));
        }
        long seqFields = fields.stream().filter(f -> SEQ.matcher(f).matches()).count();
        if (seqFields == 0) {
            throw Refusal.invalid("template", "document.templateNoSeq");
        }
        if (seqFields > 1) {
            throw Refusal.invalid("template", "document.templateTwoSeq");
        }
        for (String field : fields) {
            if (!SEQ.matcher(field).matches() && !List.of("YYYY", "YY", "MM", "DIV").contains(field)) {
                throw Refusal.invalid("template", "document.templateUnknownField", field);
            }
            Matcher seq = SEQ.matcher(field);
            if (seq.matches() && seq.group(1) != null && (Integer.parseInt(seq.group(1)) < 1 || Integer.parseInt(seq.group(1)) > 12)) {
                throw Refusal.invalid("template", "document.templateSeqPadding");
            }
        }
        if (fields.contains("DIV") && (division == null || division.isBlank())) {
            throw Refusal.invalid("division", "document.divisionRequired");
        }
        if (division != null && !division.isBlank() && !DIVISION.matcher(division).matches()) {
            throw Refusal.invalid("division", "document.divisionFormat");
        }
    }
}
