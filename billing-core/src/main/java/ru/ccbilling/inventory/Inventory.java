package ru.ccbilling.inventory;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The inventory of network resources (numbers, ports, lines) and who holds them. */
@Service
public class Inventory {

    private final NetworkResources resources;
    private final JdbcTemplate jdbc;

    Inventory(NetworkResources resources, JdbcTemplate jdbc) {
        this.resources = resources;
        this.jdbc = jdbc;
    }

    /** the number is Busy, held by the account, since that day (added to the inventory when unknown) */
    public void hold(String number, String accountCode, LocalDate since) {
        jdbc.update("""
                insert into network_resource (resource, kind, status, account_code, status_since)
                values (?, 'NUMBER', 'BUSY', ?, ?)
                on conflict (resource) do update set status = 'BUSY', account_code = excluded.account_code,
                                                     status_since = excluded.status_since
                """, number, accountCode, Date.valueOf(since));
    }

    /** the account no longer holds the number from that day: it is Free again (if that account still held it) */
    public void release(String number, String accountCode, LocalDate on) {
        jdbc.update("""
                update network_resource set status = 'FREE', account_code = null, status_since = ?
                 where resource = ? and account_code = ? and status = 'BUSY'
                """, Date.valueOf(on), number, accountCode);
    }

    /** busy numbers and the account holding each */
    public Map<String, String> numberHolders() {
        return resources.findByKindAndStatus(NetworkResource.Kind.NUMBER, NetworkResource.Status.BUSY).stream()
                .collect(Collectors.toMap(NetworkResource::resource, NetworkResource::accountCode));
    }

    public List<NetworkResource> heldBy(String accountCode) {
        return resources.findByAccountCode(accountCode);
    }
}
