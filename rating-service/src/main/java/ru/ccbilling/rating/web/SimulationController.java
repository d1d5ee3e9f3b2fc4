package ru.ccbilling.rating.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.api.RatingApi;
import ru.ccbilling.api.model.ChangeSimulation;
import ru.ccbilling.api.model.ChangeSimulationRequest;
import ru.ccbilling.api.model.ComponentTotal;
import ru.ccbilling.api.model.RecordDifference;
import ru.ccbilling.tariff.TariffVersions;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.web.Problems;
import ru.ccbilling.api.model.Outcome;
import ru.ccbilling.api.model.RatedCdr;
import ru.ccbilling.api.model.SimulationRequest;
import ru.ccbilling.api.model.SimulationResult;
import ru.ccbilling.money.Money;
import ru.ccbilling.rating.CdrReader;
import ru.ccbilling.rating.RatingEngine;
import ru.ccbilling.rating.TariffChoice;

/** Rates records without storing anything, optionally under another tariff or version (a draft included). */
@RestController
class SimulationController implements RatingApi {

    private final RatingEngine engine;
    private final ru.ccbilling.rating.ChangeSimulation changes;
    private final TariffVersions tariffs;

    SimulationController(RatingEngine engine, ru.ccbilling.rating.ChangeSimulation changes, TariffVersions tariffs) {
        this.engine = engine;
        this.changes = changes;
        this.tariffs = tariffs;
    }

    @Override
    public ResponseEntity<SimulationResult> simulateRating(SimulationRequest request) {
        TariffChoice choice = new TariffChoice(request.getTariff(), request.getTariffVersion());
        if (choice.tariff() != null && choice.version() != null) {
            tariffs.version(choice.tariff(), choice.version()).orElseThrow(
                    () -> Refusal.notFound("tariff.versionNotFound", choice.tariff(), choice.version()));
        }
        List<RatedCdr> results = new ArrayList<>(request.getRecords().size());
        for (JsonNode node : request.getRecords()) {
            CdrReader.Read read = CdrReader.read(node);
            if (!read.ok()) {
                results.add(new RatedCdr(Money.CURRENCY, List.of()).outcome(Outcome.REFUSED)
                        .source(CdrReader.idPart(node, "source")).cdrId(CdrReader.idPart(node, "cdrId"))
                        .errors(Problems.fieldErrors(read.problems())));
                continue;
            }
            results.add(RatedCdrs.of(read.cdr(), engine.rate(read.cdr(), choice)));
        }
        return ResponseEntity.ok(new SimulationResult(results));
    }

    @Override
    public ResponseEntity<ChangeSimulation> simulateTariffChange(String code, Integer version,
                                                                 ChangeSimulationRequest request) {
        tariffs.version(code, version).orElseThrow(() -> Refusal.notFound("tariff.versionNotFound", code, version));
        boolean byRecords = request.getRecords() != null && !request.getRecords().isEmpty();
        if (!byRecords && request.getAccount() == null) {
            throw Refusal.invalid("records", "simulation.nothingToRate");
        }
        var result = changes.simulate(code, version, new ru.ccbilling.rating.ChangeSimulation.Request(
                request.getRecords(), request.getAccount(), request.getFrom(), request.getTo(),
                request.getLimit() == null ? 10_000 : request.getLimit()));
        return ResponseEntity.ok(new ChangeSimulation(result.recordCount(), result.changedCount(),
                result.currentTotal().toString(), result.candidateTotal().toString(),
                result.candidateTotal().minus(result.currentTotal()).toString(),
                result.totals().stream().map(t -> new ComponentTotal(t.account(), t.component(), t.current().toString(),
                        t.candidate().toString(), t.delta().toString())).toList(),
                result.records().stream().map(SimulationController::difference).toList()));
    }

    private static RecordDifference difference(ru.ccbilling.rating.ChangeSimulation.RecordDiff d) {
        RatedCdr current = RatedCdrs.of(d.cdr(), d.current());
        RatedCdr candidate = RatedCdrs.of(d.cdr(), d.candidate());
        return new RecordDifference(current.getLines(), candidate.getLines()).source(d.cdr().source())
                .cdrId(d.cdr().cdrId()).account(d.current().account())
                .currentStatus(current.getStatus().getValue()).currentTotal(current.getTotal())
                .currentVersion(current.getTariffVersion())
                .candidateStatus(candidate.getStatus().getValue()).candidateTotal(candidate.getTotal())
                .delta(d.delta().toString())
                .reason(candidate.getReason() == null ? null : candidate.getReason().getValue());
    }
}
