package ru.ccbilling.cdr;

import java.util.Map;

/**
 * The Russian names of a record's codes for exports a person reads in a spreadsheet (the admin UI has the same
 * names in its i18n, ru.ts): a call type, a status, a reason of rejection. An unknown code stays as it is.
 */
public final class CdrLabels {

    private static final Map<String, String> CALL_TYPES = Map.of(
            "INBOUND_800", "Входящий на 8-800",
            "OUTBOUND", "Исходящий",
            "FORWARD", "Переадресация",
            "VIRTUAL_OFFICE", "Виртуальный офис",
            "CONFERENCE", "Аудиоконференция",
            "SURVEY", "Телефонный опрос",
            "INFORMING", "Автоинформирование");

    private static final Map<String, String> STATUSES = Map.of(
            "RATED", "Тарифицирован",
            "REJECTED", "Отклонён");

    private static final Map<String, String> REASONS = Map.of(
            "UNKNOWN_ACCOUNT", "Неизвестный лицевой счёт",
            "UNKNOWN_OPERATOR", "Неизвестный оператор",
            "UNKNOWN_TRUNK", "Неизвестный транк",
            "NO_TARIFF", "Нет тарифа",
            "NO_RATE", "Нет расценки");

    private CdrLabels() { }

    public static String callType(String code) {
        return label(CALL_TYPES, code);
    }

    public static String status(String code) {
        return label(STATUSES, code);
    }

    public static String reason(String code) {
        return label(REASONS, code);
    }

    private static String label(Map<String, String> names, String code) {
        return code == null ? null : names.getOrDefault(code, code);
    }
}
