package ru.ccbilling.inventory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/** The inventory of network resources (numbers, ports, lines) and who holds them. */
@Service
public class Inventory {

    private final NetworkResources resources;

    Inventory(NetworkResources resources) {
        this.resources = resources;
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
