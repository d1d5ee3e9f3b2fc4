package ru.ccbilling.tariff.sales.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.SalesApi;
import ru.ccbilling.api.model.CellOverride;
import ru.ccbilling.api.model.ClientTariff;
import ru.ccbilling.api.model.ClientTariffApproval;
import ru.ccbilling.api.model.ClientTariffPublication;
import ru.ccbilling.api.model.ClientTariffRebase;
import ru.ccbilling.api.model.ClientTariffReturn;
import ru.ccbilling.api.model.ClientTariffState;
import ru.ccbilling.api.model.GroupDiscount;
import ru.ccbilling.api.model.ModelDiff;
import ru.ccbilling.api.model.NewClientTariff;
import ru.ccbilling.api.model.PriceCell;
import ru.ccbilling.api.model.PriceFloor;
import ru.ccbilling.api.model.Quote;
import ru.ccbilling.api.model.QuoteLine;
import ru.ccbilling.api.model.QuoteRequest;
import ru.ccbilling.api.model.RuleChange;
import ru.ccbilling.api.model.TableRowChange;
import ru.ccbilling.api.model.TariffAdjustments;
import ru.ccbilling.api.model.TariffDiff;
import ru.ccbilling.api.model.TrafficProfile;
import ru.ccbilling.input.ClientDates;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.tariff.TariffDiffs;
import ru.ccbilling.tariff.sales.Adjustments;
import ru.ccbilling.tariff.sales.ClientTariffs;
import ru.ccbilling.tariff.sales.OfferPdf;
import ru.ccbilling.tariff.sales.Quotes;
import ru.ccbilling.tariff.sales.ServiceGroup;

@RestController
class SalesController implements SalesApi {

    private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(100_000_000);

    private final ClientTariffs tariffs;
    private final Quotes quotes;
    private final OfferPdf offers;
    private final TariffDiffs diffs;

    SalesController(ClientTariffs tariffs, Quotes quotes, OfferPdf offers, TariffDiffs diffs) {
        this.tariffs = tariffs;
        this.quotes = quotes;
        this.offers = offers;
        this.diffs = diffs;
    }

    @Override
    public ResponseEntity<List<ClientTariff>> listClientTariffs() {
        return ResponseEntity.ok(tariffs.list().stream().map(v -> view(v, false)).toList());
    }

    @Override
    public ResponseEntity<ClientTariff> createClientTariff(NewClientTariff body) {
        ClientTariffs.View view = tariffs.create(body.getCode(), body.getName(), body.getBaseTariff(), body.getBaseVersion(),
                body.getAccount(), adjustments(body.getAdjustments()), actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(view, true));
    }

    @Override
    public ResponseEntity<ClientTariff> getClientTariff(String code) {
        return ResponseEntity.ok(view(tariffs.get(code), true));
    }

    @Override
    public ResponseEntity<ClientTariff> updateClientTariff(String code, TariffAdjustments body) {
        return ResponseEntity.ok(view(tariffs.update(code, adjustments(body), actor()), true));
    }

    @Override
    public ResponseEntity<ClientTariff> submitClientTariff(String code) {
        return ResponseEntity.ok(view(tariffs.submit(code, actor()), true));
    }

    @Override
    public ResponseEntity<ClientTariff> approveClientTariff(String code, ClientTariffApproval body) {
        return ResponseEntity.ok(view(tariffs.approve(code, Boolean.TRUE.equals(body.getAcknowledgeBelowFloor()),
                body.getComment(), actor()), true));
    }

    @Override
    public ResponseEntity<ClientTariff> returnClientTariff(String code, ClientTariffReturn body) {
        return ResponseEntity.ok(view(tariffs.giveBack(code, body.getComment(), actor()), true));
    }

    @Override
    public ResponseEntity<ClientTariff> publishClientTariff(String code, ClientTariffPublication body) {
        if (body.getFrom() == null || !ClientDates.inRange(body.getFrom().getYear())) {
            throw Refusal.field(Refusal.Kind.INVALID, "from", ClientDates.RANGE);
        }
        return ResponseEntity.ok(view(tariffs.publish(code, body.getAccount(), body.getFrom(), actor()), true));
    }

    @Override
    public ResponseEntity<ClientTariffRebase> rebaseClientTariff(String code, Integer baseVersion) {
        ClientTariffs.Rebase rebase = tariffs.rebase(code, baseVersion, actor());
        List<ModelDiff> models = diffs.diff(code, rebase.from(), rebase.to()).stream()
                .filter(d -> d.change() != TariffDiffs.Change.UNCHANGED)
                .map(d -> new ModelDiff(d.model(), ModelDiff.ChangeEnum.fromValue(d.change().name()))
                .rows(d.rows().stream().map(r -> new TableRowChange(TableRowChange.ChangeEnum.fromValue(r.change().name()))
                        .decision(r.decision()).inputs(r.inputs()).before(r.before()).after(r.after())).toList())
                .rules(d.rules().stream().map(r -> new RuleChange(RuleChange.ChangeEnum.fromValue(r.change().name()), r.rule())
                        .before(r.before()).after(r.after())).toList())).toList();
        return ResponseEntity.ok(new ClientTariffRebase(view(rebase.view(), true),
                new TariffDiff(code, rebase.from(), rebase.to(), models)));
    }

    @Override
    public ResponseEntity<Quote> quoteClientTariff(String code, QuoteRequest body) {
        return ResponseEntity.ok(view(quote(code, body)));
    }

    @Override
    public ResponseEntity<Resource> clientTariffOffer(String code, QuoteRequest body) {
        Quotes.Quote quote = body.getProfile() == null && body.getAccount() == null ? null : quote(code, body);
        byte[] pdf = offers.render(tariffs.get(code), quote);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"offer-" + code + ".pdf\"")
                .body(new ByteArrayResource(pdf));
    }

    @Override
    public ResponseEntity<List<PriceFloor>> listPriceFloors(String tariff) {
        return ResponseEntity.ok(tariffs.floors(tariff, true).stream().map(f -> new PriceFloor(f.tariff(), f.model(), f.rule())
                .floor(f.floor() == null ? null : f.floor().toPlainString()).setBy(f.setBy())).toList());
    }

    @Override
    public ResponseEntity<PriceFloor> putPriceFloor(PriceFloor body) {
        ClientTariffs.Floor f = tariffs.putFloor(body.getTariff(), body.getModel(), body.getRule(),
                body.getFloor() == null ? null : new BigDecimal(body.getFloor()), actor());
        return ResponseEntity.ok(new PriceFloor(f.tariff(), f.model(), f.rule())
                .floor(f.floor() == null ? null : f.floor().toPlainString()).setBy(f.setBy()));
    }

    private Quotes.Quote quote(String code, QuoteRequest body) {
        if (body.getProfile() != null) {
            return quotes.fromProfile(code, profile(body.getProfile()));
        }
        if (body.getAccount() == null || body.getAccount().isBlank()) {
            throw Refusal.invalid("account", "sales.quote.what");
        }
        if (body.getMonths() == null || body.getMonths().isEmpty()) {
            throw Refusal.invalid("months", "sales.quote.months");
        }
        List<YearMonth> months = body.getMonths().stream().map(YearMonth::parse).distinct().sorted().toList();
        return quotes.fromAccount(code, body.getAccount(), months);
    }

    private static Quotes.Profile profile(TrafficProfile p) {
        Map<List<String>, BigDecimal> network = new LinkedHashMap<>();
        for (int i = 0; i < p.getNetworkMinutes().size(); i++) {
            var e = p.getNetworkMinutes().get(i);
            network.merge(List.of(e.getOrigin(), e.getBand()), quantity("profile.networkMinutes[" + i + "].minutes",
                    e.getMinutes()), BigDecimal::add);
        }
        Map<String, BigDecimal> operators = new LinkedHashMap<>();
        for (int i = 0; i < p.getOperatorMinutes().size(); i++) {
            var e = p.getOperatorMinutes().get(i);
            operators.merge(e.getSite(), quantity("profile.operatorMinutes[" + i + "].minutes", e.getMinutes()), BigDecimal::add);
        }
        Map<String, BigDecimal> outbound = new LinkedHashMap<>();
        for (int i = 0; i < p.getOutboundMinutes().size(); i++) {
            var e = p.getOutboundMinutes().get(i);
            outbound.merge(e.getDestination(), quantity("profile.outboundMinutes[" + i + "].minutes", e.getMinutes()), BigDecimal::add);
        }
        Map<String, BigDecimal> oneTime = new LinkedHashMap<>();
        for (int i = 0; i < p.getOneTimeServices().size(); i++) {
            var e = p.getOneTimeServices().get(i);
            oneTime.merge(e.getService(), quantity("profile.oneTimeServices[" + i + "].quantity", e.getQuantity()), BigDecimal::add);
        }
        return new Quotes.Profile(network, operators,
                p.getIvrMinutes() == null ? null : quantity("profile.ivrMinutes", p.getIvrMinutes()),
                p.getPostProcessedCalls() == null ? null : quantity("profile.postProcessedCalls", p.getPostProcessedCalls()),
                outbound, oneTime, p.getNumbers() == null ? 0 : p.getNumbers(), p.getSeats() == null ? 0 : p.getSeats());
    }

    private static BigDecimal quantity(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(MAX_QUANTITY) > 0 || value.scale() > 4) {
            throw Refusal.invalid(field, "sales.profile.quantity");
        }
        return value;
    }

    static Adjustments adjustments(TariffAdjustments a) {
        if (a == null) {
            return new Adjustments(null, null, null);
        }
        List<Adjustments.Discount> discounts = new ArrayList<>();
        for (GroupDiscount d : a.getDiscounts()) {
            discounts.add(d == null ? null : new Adjustments.Discount(d.getGroup() == null ? null
                    : ServiceGroup.valueOf(d.getGroup().getValue()), d.getPercent()));
        }
        List<Adjustments.CellOverride> overrides = new ArrayList<>();
        for (CellOverride o : a.getOverrides()) {
            overrides.add(o == null ? null : new Adjustments.CellOverride(o.getModel(), o.getRule(),
                    o.getPrice() == null ? null : new BigDecimal(o.getPrice())));
        }
        return new Adjustments(discounts, overrides,
                a.getMinimumMonthlyPayment() == null ? null : new BigDecimal(a.getMinimumMonthlyPayment()));
    }

    private static TariffAdjustments view(Adjustments a) {
        return new TariffAdjustments()
                .discounts(a.discounts().stream().map(d -> new GroupDiscount(
                        ru.ccbilling.api.model.ServiceGroup.fromValue(d.group().name()), d.percent())).toList())
                .overrides(a.overrides().stream().map(o -> new CellOverride(o.model(), o.rule(), o.price().toPlainString())).toList())
                .minimumMonthlyPayment(a.minimumMonthlyPayment() == null ? null : a.minimumMonthlyPayment().setScale(2).toPlainString());
    }

    private static ClientTariff view(ClientTariffs.View v, boolean withCells) {
        ClientTariffs.Info i = v.info();
        ClientTariff out = new ClientTariff(i.code(), i.name(), i.baseTariff(), i.baseVersion(), v.needsRebase(),
                ClientTariffState.fromValue(i.state().name()), i.workingVersion(), view(i.adjustments()))
                .baseVersionInForce(v.baseVersionInForce()).account(i.account()).publishedVersion(i.publishedVersion())
                .assignedFrom(i.assignedFrom()).comment(i.comment()).createdBy(i.createdBy())
                .belowFloor((int) v.belowFloor());
        if (withCells) {
            out.cells(v.cells().stream().map(c -> new PriceCell(c.model(), c.rule(), c.base().decision(), c.base().inputs(),
                    c.base().price().toPlainString(), c.price().toPlainString())
                    .description(c.base().description())
                    .group(c.group() == null ? null : ru.ccbilling.api.model.ServiceGroup.fromValue(c.group().name()))
                    .overridden(c.overridden()).floor(c.floor() == null ? null : c.floor().toPlainString())
                    .belowFloor(c.belowFloor())).toList());
        }
        return out;
    }

    private static Quote view(Quotes.Quote q) {
        return new Quote(q.tariff(), q.version(), q.baseTariff(), q.baseVersion(), q.months(),
                q.lines().stream().map(l -> new QuoteLine(l.group(), l.name(), l.standard().toString(), l.client().toString())
                        .quantity(l.quantity() == null ? null : l.quantity().toPlainString()).unit(l.unit())
                        .standardPrice(l.standardPrice() == null ? null : l.standardPrice().toPlainString())
                        .clientPrice(l.clientPrice() == null ? null : l.clientPrice().toPlainString())).toList(),
                q.standardTotal().toString(), q.clientTotal().toString(), q.difference().toString())
                .account(q.account()).calls(q.calls());
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
