package ru.ccbilling.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a report may sum: the semantic layer's measures, each with its one SQL aggregate over each table (null where
 * the table cannot answer it). {@code v.rate} is the VAT rate (percent) in force on the fact's day, joined only when a
 * measure asks for it. Money stays numeric to the kopeck; VAT is rounded once per cell: round(Σ net × rate, 2).
 */
public enum Measure {
    CALLS("calls", "Звонки", "Calls", Unit.COUNT, "sum(f.calls)", "sum(f.calls)", null),
    ANSWERED_CALLS("answeredCalls", "Отвеченные звонки", "Answered calls", Unit.COUNT, "sum(f.answered)", null, null),
    BILLED_MINUTES("billedMinutes", "Тарифицированные минуты", "Billed minutes", Unit.MINUTES,
            "round(sum(f.billed_sec) / 60.0, 2)", "round(sum(f.billed_sec) / 60.0, 2)", null),
    AMOUNT_NET("amountNet", "Сумма без НДС", "Amount net of VAT", Unit.MONEY, "sum(f.amount)", "sum(f.amount)",
            "sum(e.amount)"),
    VAT("vat", "НДС", "VAT", Unit.MONEY, "round(sum(f.amount * v.rate) / 100, 2)", "round(sum(f.amount * v.rate) / 100, 2)",
            "sum(e.vat)"),
    AMOUNT_GROSS("amountGross", "Сумма с НДС", "Amount with VAT", Unit.MONEY,
            "sum(f.amount) + round(sum(f.amount * v.rate) / 100, 2)",
            "sum(f.amount) + round(sum(f.amount * v.rate) / 100, 2)", "sum(e.amount) + sum(e.vat)"),
    AVERAGE_DURATION("averageDuration", "Средняя длительность, с", "Average duration, s", Unit.SECONDS,
            "round(sum(f.duration_sec)::numeric / nullif(sum(f.calls), 0), 1)", null, null),
    TOTAL_DURATION("totalDuration", "Общая длительность, мин", "Total duration, min", Unit.MINUTES,
            "round(sum(f.duration_sec) / 60.0, 2)", null, null),
    ASR("asr", "ASR, %", "ASR, %", Unit.PERCENT, "round(100.0 * sum(f.answered) / nullif(sum(f.calls), 0), 2)", null, null),
    ACD("acd", "ACD, мин", "ACD, min", Unit.MINUTES, "round(sum(f.duration_sec) / 60.0 / nullif(sum(f.answered), 0), 2)",
            null, null),
    REJECTS("rejects", "Отсев", "Rejects", Unit.COUNT, "coalesce(sum(f.calls) filter (where f.status = 'REJECTED'), 0)",
            null, null),
    ENTRIES("entries", "Проводки", "Entries", Unit.COUNT, null, null, "count(*)");

    public enum Unit { COUNT, MINUTES, SECONDS, MONEY, PERCENT }

    private final String key;
    private final String russian;
    private final String english;
    private final Unit unit;
    private final String onCalls;
    private final String onLines;
    private final String onLedger;

    Measure(String key, String russian, String english, Unit unit, String onCalls, String onLines, String onLedger) {
        this.key = key;
        this.russian = russian;
        this.english = english;
        this.unit = unit;
        this.onCalls = onCalls;
        this.onLines = onLines;
        this.onLedger = onLedger;
    }

    public String key() {
        return key;
    }

    public String russian() {
        return russian;
    }

    public String english() {
        return english;
    }

    public Unit unit() {
        return unit;
    }

    String sql(FactTable table) {
        return switch (table) {
            case CALLS -> onCalls;
            case LINES -> onLines;
            case LEDGER -> onLedger;
        };
    }

    /** CALLS: the call facts have it */
    public boolean onCalls() {
        return onCalls != null;
    }

    /** CALLS: the priced-line facts have it */
    public boolean onLines() {
        return onLines != null;
    }

    public boolean on(Dataset dataset) {
        return dataset == Dataset.LEDGER ? onLedger != null : onCalls != null || onLines != null;
    }

    /** the measure needs the VAT rate of the fact's day */
    boolean needsVatRate() {
        return this == VAT || this == AMOUNT_GROSS;
    }

    public static Optional<Measure> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }
}
