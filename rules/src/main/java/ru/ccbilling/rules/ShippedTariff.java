package ru.ccbilling.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The reference tariff CC-STANDARD-2026 as shipped in this module's resources. */
public final class ShippedTariff {

    public static final String CODE = "CC-STANDARD-2026";
    private static final String FOLDER = "tariffs/cc-standard-2026/";

    private ShippedTariff() { }

    public static List<TariffModel> models() {
        List<TariffModel> models = new ArrayList<>();
        for (String name : read("models.txt").split("\\R")) {
            if (!name.isBlank()) {
                models.add(new TariffModel(name.trim(), TariffModel.kindOf(name.trim()), read(name.trim())));
            }
        }
        return models;
    }

    private static String read(String name) {
        try (InputStream in = ShippedTariff.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("shipped tariff model missing: " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
