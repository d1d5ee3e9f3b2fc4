package ru.ccbilling.inventory;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A number, port or line of the call centre's network, with its status and, when Busy, its account. */
@Table("network_resource")
public record NetworkResource(@Id String resource, Kind kind, Status status, String accountCode, LocalDate statusSince) {

    public enum Kind { NUMBER, PORT, LINE }

    public enum Status { FREE, BUSY, RESERVED, QUARANTINE }
}
