package ru.ccbilling.rules;

/** One model of a tariff version: a DMN decision table or a DRL rule file, as text. */
public record TariffModel(String name, Kind kind, String content) {

    public enum Kind { DMN, DRL }

    public TariffModel {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name is required");
        }
        if (kind == null) {
            throw new IllegalArgumentException("model kind is required");
        }
        content = content == null ? "" : content;
    }

    public static Kind kindOf(String fileName) {
        return fileName.endsWith(".drl") ? Kind.DRL : Kind.DMN;
    }
}
