package ru.ccbilling.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import ru.ccbilling.money.Money;

/** An entry as posted: never changed afterwards; {@code reverses} names the entry it cancels, if any. */
public record LedgerEntry(long id, String account, EntryKind kind, YearMonth period, LocalDate entryDate,
                          String service, String component, String reference, BigDecimal quantity, String unit,
                          BigDecimal rate, Money amount, BigDecimal vatRate, Money vat, YearMonth refersTo,
                          EntryKind corrects, Money oldAmount, Money newAmount, String counterparty, String reason,
                          Long closeId, Long reverses, Long reversedBy, String createdBy, OffsetDateTime createdAt) { }
