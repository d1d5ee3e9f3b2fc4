package ru.ccbilling.inventory.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.InventoryApi;
import ru.ccbilling.api.model.BulkResourceChange;
import ru.ccbilling.api.model.BulkResourceResult;
import ru.ccbilling.api.model.BulkResourceResultItemsInner;
import ru.ccbilling.api.model.ConnectionAnswer;
import ru.ccbilling.api.model.ConnectionAnswerNeedsInner;
import ru.ccbilling.api.model.ConnectionRequest;
import ru.ccbilling.api.model.PoolCapacity;
import ru.ccbilling.api.model.ReservationRequest;
import ru.ccbilling.api.model.ResourceAssignment;
import ru.ccbilling.api.model.ResourceDetails;
import ru.ccbilling.api.model.ResourceEvent;
import ru.ccbilling.api.model.ResourceHolding;
import ru.ccbilling.api.model.ResourceImportReport;
import ru.ccbilling.api.model.ResourceNeed;
import ru.ccbilling.api.model.ResourcePage;
import ru.ccbilling.api.model.ResourceReason;
import ru.ccbilling.api.model.ResourceRelease;
import ru.ccbilling.inventory.BulkChange;
import ru.ccbilling.inventory.Inventory;
import ru.ccbilling.inventory.NetworkResource;
import ru.ccbilling.inventory.ResourceCatalogue;
import ru.ccbilling.inventory.ResourceImport;
import ru.ccbilling.inventory.ResourceKind;
import ru.ccbilling.inventory.ResourcePool;
import ru.ccbilling.inventory.ResourceQueries;
import ru.ccbilling.inventory.ResourceStatus;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.web.CurrentUser;

/** The network inventory's part of the contract: translates and delegates. */
@RestController
class InventoryController implements InventoryApi {

    private final Inventory inventory;
    private final ResourceQueries queries;
    private final ResourceCatalogue catalogue;
    private final ResourceImport imports;
    private final BulkChange bulk;

    InventoryController(Inventory inventory, ResourceQueries queries, ResourceCatalogue catalogue,
                        ResourceImport imports, BulkChange bulk) {
        this.inventory = inventory;
        this.queries = queries;
        this.catalogue = catalogue;
        this.imports = imports;
        this.bulk = bulk;
    }

    @Override
    public ResponseEntity<List<ru.ccbilling.api.model.ResourceKind>> listResourceKinds() {
        return ResponseEntity.ok(catalogue.kinds().stream().map(InventoryController::kind).toList());
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.ResourceKind> defineResourceKind(ru.ccbilling.api.model.ResourceKind k) {
        ResourceKind defined = catalogue.defineKind(new ResourceKind(k.getCode(), k.getName(), k.getUnit(),
                k.getQuarantineDays() == null ? 0 : k.getQuarantineDays(), false));
        return ResponseEntity.status(HttpStatus.CREATED).body(kind(defined));
    }

    @Override
    public ResponseEntity<List<ru.ccbilling.api.model.ResourcePool>> listResourcePools() {
        return ResponseEntity.ok(catalogue.pools().stream().map(InventoryController::pool).toList());
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.ResourcePool> saveResourcePool(String code,
            ru.ccbilling.api.model.ResourcePool p) {
        if (p.getCode() != null && !code.equals(p.getCode())) {
            throw Refusal.invalid("code", "account.notPathAccount", code);
        }
        return ResponseEntity.ok(pool(catalogue.savePool(new ResourcePool(code, p.getName(), p.getKind(), p.getSite(),
                p.getTrunk(), p.getCategory(), p.getLowWaterMark() == null ? 0 : p.getLowWaterMark()))));
    }

    @Override
    public ResponseEntity<ResourcePage> listResources(String pool, String kind, ru.ccbilling.api.model.ResourceStatus status,
            String from, String to, String account, Integer page, Integer size) {
        ResourceQueries.Page found = queries.list(new ResourceQueries.Filter(pool, kind,
                status == null ? null : ResourceStatus.valueOf(status.name()), from, to, account), page, size);
        return ResponseEntity.ok(new ResourcePage(found.items().stream().map(InventoryController::resource).toList(),
                found.total(), page, size));
    }

    @Override
    public ResponseEntity<ResourceDetails> getResource(String resource) {
        NetworkResource found = inventory.find(resource)
                .orElseThrow(() -> Refusal.notFound("inventory.unknownResource", resource));
        List<ResourceEvent> history = queries.history(resource).stream().map(e -> new ResourceEvent(
                        ru.ccbilling.api.model.ResourceStatus.valueOf(e.status().name()), e.action(), e.from(), e.actor(),
                        offset(e.at()))
                .account(e.account()).reservedFor(e.reservedFor()).to(e.to()).until(offset(e.until()))
                .reason(e.reason())).toList();
        List<ResourceHolding> holdings = inventory.holdings(resource).stream()
                .map(h -> new ResourceHolding(h.account(), h.validFrom()).validTo(h.validTo()).channels(h.channels()))
                .toList();
        return ResponseEntity.ok(new ResourceDetails(resource(found), history).holdings(holdings));
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.NetworkResource> reserveResource(String resource, ReservationRequest r) {
        return ResponseEntity.ok(resource(inventory.reserve(resource,
                new Inventory.Reservation(r.getReservedFor(), instant(r.getUntil()), r.getReason()), CurrentUser.name())));
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.NetworkResource> cancelResourceReservation(String resource,
            ResourceReason reason) {
        return ResponseEntity.ok(resource(inventory.cancelReservation(resource, CurrentUser.name(),
                reason == null ? null : reason.getReason())));
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.NetworkResource> assignResource(String resource, ResourceAssignment a) {
        return ResponseEntity.ok(resource(inventory.assign(resource, new Inventory.Assignment(a.getAccount(),
                a.getValidFrom(), a.getValidTo(), a.getChannels(), a.getReason()), CurrentUser.name())));
    }

    @Override
    public ResponseEntity<ru.ccbilling.api.model.NetworkResource> releaseResource(String resource, ResourceRelease r) {
        return ResponseEntity.ok(resource(inventory.release(resource, r == null ? null : r.getDate(), CurrentUser.name(),
                r == null ? null : r.getReason())));
    }

    @Override
    public ResponseEntity<BulkResourceResult> changeResourcesInBulk(BulkResourceChange c) {
        List<BulkChange.Outcome> done = bulk.apply(new BulkChange.Request(
                c.getAction() == null ? null : BulkChange.Action.valueOf(c.getAction().name()), c.getResources(),
                c.getFrom(), c.getTo(), c.getPool(), c.getReservedFor(), instant(c.getUntil()), c.getAccount(),
                c.getValidFrom(), c.getDate(), c.getChannels(), c.getReason()), CurrentUser.name());
        return ResponseEntity.ok(new BulkResourceResult(done.size(), done.stream()
                .map(o -> new BulkResourceResultItemsInner(o.resource(),
                        ru.ccbilling.api.model.ResourceStatus.valueOf(o.status().name()))).toList()));
    }

    @Override
    public ResponseEntity<ResourceImportReport> importResources(String pool, org.springframework.core.io.Resource body) {
        try (InputStream in = body.getInputStream()) {
            ResourceImport.Report report = imports.importCsv(pool, in);
            return ResponseEntity.ok(new ResourceImportReport(report.lines(), report.resources()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ResponseEntity<List<PoolCapacity>> resourceCapacity() {
        return ResponseEntity.ok(queries.capacity().stream().map(c -> {
            long free = c.byStatus().getOrDefault(ResourceStatus.FREE, 0L);
            long busy = c.byStatus().getOrDefault(ResourceStatus.BUSY, 0L);
            long reserved = c.byStatus().getOrDefault(ResourceStatus.RESERVED, 0L);
            long quarantine = c.byStatus().getOrDefault(ResourceStatus.QUARANTINE, 0L);
            return new PoolCapacity(c.kind(), free, busy, reserved, quarantine, free + busy + reserved + quarantine,
                    c.belowLowWater()).pool(c.pool()).lowWaterMark(c.lowWaterMark());
        }).toList());
    }

    @Override
    public ResponseEntity<ConnectionAnswer> checkConnection(ConnectionRequest request) {
        if (request.getNeeds() == null || request.getNeeds().isEmpty()) {
            throw Refusal.invalid("needs", "inventory.needsRequired");
        }
        List<ResourceQueries.Need> needs = request.getNeeds().stream()
                .map(n -> new ResourceQueries.Need(n.getKind(), n.getSite(), n.getPool(), n.getQuantity())).toList();
        for (int i = 0; i < needs.size(); i++) {
            String kind = needs.get(i).kind();
            if (catalogue.kinds().stream().noneMatch(k -> k.code().equals(kind))) {
                throw Refusal.invalid("needs[" + i + "].kind", "inventory.unknownKind", kind);
            }
        }
        List<ResourceQueries.Answer> answers = queries.canConnect(needs);
        return ResponseEntity.ok(new ConnectionAnswer(answers.stream().allMatch(ResourceQueries.Answer::satisfied),
                answers.stream().map(a -> new ConnectionAnswerNeedsInner(
                        new ResourceNeed(a.need().kind(), a.need().quantity()).site(a.need().site()).pool(a.need().pool()),
                        a.available(), a.satisfied(), a.candidates())).toList()));
    }

    private static ru.ccbilling.api.model.NetworkResource resource(NetworkResource r) {
        return new ru.ccbilling.api.model.NetworkResource(r.resource(), r.kind(),
                ru.ccbilling.api.model.ResourceStatus.valueOf(r.status().name()))
                .pool(r.pool()).category(r.category()).statusSince(r.statusSince()).account(r.account())
                .heldFrom(r.heldFrom()).heldUntil(r.heldUntil()).quarantineUntil(r.quarantineUntil())
                .reservedFor(r.reservedFor()).reservedBy(r.reservedBy()).reservedReason(r.reservedReason())
                .reservedUntil(offset(r.reservedUntil()));
    }

    private static ru.ccbilling.api.model.ResourceKind kind(ResourceKind k) {
        return new ru.ccbilling.api.model.ResourceKind(k.code(), k.name(), k.unit(), k.quarantineDays())
                .phoneNumber(k.phoneNumber());
    }

    private static ru.ccbilling.api.model.ResourcePool pool(ResourcePool p) {
        return new ru.ccbilling.api.model.ResourcePool(p.code(), p.name(), p.kind()).site(p.site()).trunk(p.trunk())
                .category(p.category()).lowWaterMark(p.lowWaterMark());
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
