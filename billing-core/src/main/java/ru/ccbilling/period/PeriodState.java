package ru.ccbilling.period;

/** OPEN: no account closed; PARTIALLY_CLOSED: some; CLOSED: every account closed for the month. */
public enum PeriodState {
    OPEN("открыт"), PARTIALLY_CLOSED("закрыт не по всем счетам"), CLOSED("закрыт");

    private final String russian;

    PeriodState(String russian) {
        this.russian = russian;
    }

    /** the state as the period's audit writes it for finance, who read it in Russian */
    public String inRussian() {
        return russian;
    }
}
