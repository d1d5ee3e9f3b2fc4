package ru.ccbilling.inventory;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface NetworkResources extends ListCrudRepository<NetworkResource, String> {
    List<NetworkResource> findByKindAndStatus(NetworkResource.Kind kind, NetworkResource.Status status);

    List<NetworkResource> findByAccountCode(String accountCode);
}
