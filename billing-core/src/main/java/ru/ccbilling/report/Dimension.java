package ru.ccbilling.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a report may group and filter by: the semantic layer's dimensions, each with the one SQL expression that
 * computes it over each table the reports read ({@code f} a fact row, {@code a} its account, {@code e} a ledger
 * entry); null where the dimension does not exist there. Nothing but these expressions ever reaches SQL.
 */
public enum Dimension {
    DAY("day", "День", "Day", Kind.DATE, "f.day", "f.day", "e.entry_date"),
    WEEK("week", "Неделя", "Week", Kind.DATE, "date_trunc('week', f.day)::date", "date_trunc('week', f.day)::date",
            "date_trunc('week', e.entry_date)::date"),
    MONTH("month", "Месяц", "Month", Kind.DATE, "date_trunc('month', f.day)::date", "date_trunc('month', f.day)::date",
            "e.period"),
    CLIENT("client", "Клиент", "Client", Kind.TEXT, "coalesce(a.client_name, '')", "coalesce(a.client_name, '')",
            "coalesce(a.client_name, '')"),
    ACCOUNT("account", "Лицевой счёт", "Account", Kind.TEXT, "f.account_code", "f.account_code", "e.account_code"),
    SERVICE("service", "Услуга", "Service", Kind.TEXT, "f.call_type", "f.call_type", "coalesce(e.service, '')"),
    COMPONENT("component", "Составляющая", "Component", Kind.TEXT, null, "f.component", "coalesce(e.component, '')"),
    CALL_TYPE("callType", "Тип звонка", "Call type", Kind.TEXT, "f.call_type", "f.call_type", null),
    CALLER_ORIGIN("callerOrigin", "Происхождение звонящего", "Caller origin", Kind.TEXT, "f.caller_origin", null, null),
    DESTINATION_CLASS("destinationClass", "Класс направления", "Destination class", Kind.TEXT, "f.destination_class",
            null, null),
    TIME_BAND("timeBand", "Тарифная зона времени", "Time band", Kind.TEXT, "f.time_band", null, null),
    TRUNK("trunk", "Транк", "Trunk", Kind.TEXT, "f.trunk", null, null),
    OPERATOR("operator", "Оператор", "Operator", Kind.TEXT, null, "f.operator_id", null),
    SITE("site", "Площадка", "Site", Kind.TEXT, null, "f.site", null),
    TARIFF("tariff", "Тариф", "Tariff", Kind.TEXT, "f.tariff_code", "f.tariff_code", null),
    TARIFF_VERSION("tariffVersion", "Версия тарифа", "Tariff version", Kind.TEXT,
            "case when f.tariff_code = '' then '' else f.tariff_code || ' v' || f.tariff_version end",
            "case when f.tariff_code = '' then '' else f.tariff_code || ' v' || f.tariff_version end", null),
    SOURCE("source", "Источник", "Source", Kind.TEXT, "f.source", "f.source", null),
    STATUS("status", "Статус", "Status", Kind.TEXT, "f.status", "'RATED'", null),
    REASON("reason", "Причина отсева", "Reject reason", Kind.TEXT, "f.reason", "''", null),
    ENTRY_KIND("entryKind", "Вид проводки", "Entry kind", Kind.TEXT, null, null, "e.kind"),
    COUNTERPARTY("counterparty", "Контрагент", "Counterparty", Kind.TEXT, null, null, "coalesce(e.counterparty, '')");

    public enum Kind { DATE, TEXT }

    private final String key;
    private final String russian;
    private final String english;
    private final Kind kind;
    private final String onCalls;
    private final String onLines;
    private final String onLedger;

    Dimension(String key, String russian, String english, Kind kind, String onCalls, String onLines, String onLedger) {
        this.key = key;
        this.russian = russian;
        this.english = english;
        this.kind = kind;
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

    public Kind kind() {
        return kind;
    }

    public boolean isTime() {
        return this == DAY || this == WEEK || this == MONTH;
    }

    /** the SQL expression over {@code table}, null when the dimension has none there */
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

    /** the lean daily facts (without the accounts) lack it: a report that names it reads the account-level facts */
    boolean accountLevel() {
        return this == ACCOUNT || this == CLIENT;
    }

    /** the call facts by account and day have it: the time, the account and its client, and the status */
    boolean onAccountDays() {
        return isTime() || accountLevel() || this == STATUS;
    }

    /** only the line facts have it: a report that names it reads the priced lines */
    boolean needsLines() {
        return onCalls == null && onLines != null;
    }

    public static Optional<Dimension> byKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }
}
