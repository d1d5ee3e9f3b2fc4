package ru.ccbilling.rating.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.api.RatingApi;
import ru.ccbilling.api.model.Outcome;
import ru.ccbilling.api.model.RatedCdr;
import ru.ccbilling.api.model.SimulationRequest;
import ru.ccbilling.api.model.SimulationResult;
import ru.ccbilling.money.Money;
import ru.ccbilling.rating.CdrReader;
import ru.ccbilling.rating.RatedCdrs;
import ru.ccbilling.rating.RatingEngine;
import ru.ccbilling.rating.TariffChoice;

/** Rates records without storing anything, optionally under another tariff or version (a draft included). */
@RestController
class SimulationController implements RatingApi {

    private final RatingEngine engine;

    SimulationController(RatingEngine engine) {
        this.engine = engine;
    }

    @Override
    public ResponseEntity<SimulationResult> simulateRating(SimulationRequest request) {
        TariffChoice choice = new TariffChoice(request.getTariff(), request.getTariffVersion());
        List<RatedCdr> results = new ArrayList<>(request.getRecords().size());
        for (JsonNode node : request.getRecords()) {
            CdrReader.Read read = CdrReader.read(node);
            if (!read.ok()) {
                results.add(new RatedCdr(Money.CURRENCY, List.of()).outcome(Outcome.REFUSED)
                        .source(CdrReader.idPart(node, "source")).cdrId(CdrReader.idPart(node, "cdrId"))
                        .errors(RatedCdrs.errors(read.problems())));
                continue;
            }
            results.add(RatedCdrs.of(read.cdr(), engine.rate(read.cdr(), choice)));
        }
        return ResponseEntity.ok(new SimulationResult(results));
    }
}
