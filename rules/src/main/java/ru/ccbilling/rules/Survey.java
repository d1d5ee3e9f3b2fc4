package ru.ccbilling.rules;

/** The outcome of a SURVEY call as the rules see it; inserted for SURVEY calls only. */
public final class Survey {
    private final boolean completed;

    public Survey(boolean completed) {
        this.completed = completed;
    }

    /** the called person answered the questionnaire to the end */
    public boolean isCompleted() { return completed; }
}
