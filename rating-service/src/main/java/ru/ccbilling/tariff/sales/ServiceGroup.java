package ru.ccbilling.tariff.sales;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The groups of price tables a sales discount applies to, by the model (file) names of the standard tariff. The
 * volume coefficient and the included quantities are not prices and belong to no group; the services of section 7
 * (virtual office, conferences, surveys, informing) have no group discount but their cells may be overridden.
 */
public enum ServiceGroup {
    NETWORK("Сетевые минуты", "network-minute.dmn"),
    OPERATOR("Работа операторов", "operator-minute.dmn"),
    IVR("Голосовое меню (IVR)", "ivr-minute.dmn"),
    POST_PROCESSING("Постобработка вызовов", "post-processing-fee.dmn"),
    OUTBOUND("Исходящие вызовы", "outbound-minute.dmn", "marking-fee.dmn"),
    ONE_TIME("Разовые услуги", "one-time-services.dmn"),
    MONTHLY_FEES("Абонентская плата", "monthly-fees.dmn");

    private final String russian;
    private final List<String> models;

    ServiceGroup(String russian, String... models) {
        this.russian = russian;
        this.models = List.of(models);
    }

    public String russian() {
        return russian;
    }

    public List<String> models() {
        return models;
    }

    public static Optional<ServiceGroup> of(String model) {
        return Arrays.stream(values()).filter(g -> g.models.contains(model)).findFirst();
    }

    /** models whose cells are not prices: never discounted nor overridden */
    static boolean isPriceModel(String model) {
        return model.endsWith(".dmn") && !model.equals("volume-coefficient.dmn") && !model.equals("included-quantities.dmn");
    }
}
