package ru.ccbilling.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;

import ru.ccbilling.money.Money;

/** A stored document as listed: what, which number and date, for whom, how much, and its checksum. */
public record IssuedDocument(UUID id, UUID packageId, PackageKind kind, DocumentType type, String seller, String number,
                             LocalDate date, String account, YearMonth month, String clientName,
                             Statement.DeliveryMethod delivery, BigDecimal vatRate, Money net, Money vat, Money gross,
                             String sha256, OffsetDateTime createdAt) {

    /** what produced a package: the monthly run, an on-demand invoice for one-time services, a correction */
    public enum PackageKind { MONTHLY, ONE_TIME, CORRECTION }
}
