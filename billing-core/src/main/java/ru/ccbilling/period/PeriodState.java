package ru.ccbilling.period;

/** OPEN: no account closed; PARTIALLY_CLOSED: some; CLOSED: every account closed for the month. */
public enum PeriodState { OPEN, PARTIALLY_CLOSED, CLOSED }
