package ru.ccbilling.reference.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.ReferenceApi;
import ru.ccbilling.api.model.Destination;
import ru.ccbilling.api.model.FieldError;
import ru.ccbilling.api.model.Holiday;
import ru.ccbilling.api.model.NumberRange;
import ru.ccbilling.api.model.NumberRangeImport;
import ru.ccbilling.api.model.Operator;
import ru.ccbilling.api.model.Origin;
import ru.ccbilling.api.model.Trunk;
import ru.ccbilling.reference.NumberRangeRegistry;
import ru.ccbilling.reference.ReferenceData;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.web.Problems;

@RestController
class ReferenceController implements ReferenceApi {

    private final ReferenceData reference;
    private final NumberRangeRegistry registry;

    ReferenceController(ReferenceData reference, NumberRangeRegistry registry) {
        this.reference = reference;
        this.registry = registry;
    }

    @Override
    public ResponseEntity<List<Destination>> listDestinations() {
        List<Destination> out = new ArrayList<>();
        reference.destinations().entries().forEach((prefix, c) -> out.add(new Destination(prefix, c)));
        out.sort((a, b) -> a.getPrefix().compareTo(b.getPrefix()));
        return ResponseEntity.ok(out);
    }

    @Override
    public ResponseEntity<Destination> putDestination(Destination destination) {
        reference.putDestination(destination.getPrefix(), destination.getDestinationClass());
        return ResponseEntity.ok(destination);
    }

    @Override
    public ResponseEntity<Void> deleteDestination(String prefix) {
        if (!reference.deleteDestination(prefix)) {
            throw Refusal.notFound("reference.destination.notFound", prefix);
        }
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<Origin>> listOrigins() {
        List<Origin> out = new ArrayList<>();
        reference.origins().entries().forEach((prefix, o) -> out.add(new Origin(prefix, o)));
        out.sort((a, b) -> a.getPrefix().compareTo(b.getPrefix()));
        return ResponseEntity.ok(out);
    }

    @Override
    public ResponseEntity<Origin> putOrigin(Origin origin) {
        reference.putOrigin(origin.getPrefix(), origin.getOrigin());
        return ResponseEntity.ok(origin);
    }

    @Override
    public ResponseEntity<Void> deleteOrigin(String prefix) {
        if (!reference.deleteOrigin(prefix)) {
            throw Refusal.notFound("reference.origin.notFound", prefix);
        }
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<Holiday>> listHolidays() {
        return ResponseEntity.ok(reference.holidays().stream().map(h -> new Holiday(h.day()).name(h.name())).toList());
    }

    @Override
    public ResponseEntity<Holiday> putHoliday(Holiday holiday) {
        reference.putHoliday(holiday.getDate(), holiday.getName());
        return ResponseEntity.ok(holiday);
    }

    @Override
    public ResponseEntity<Void> deleteHoliday(LocalDate date) {
        if (!reference.deleteHoliday(date)) {
            throw Refusal.notFound("reference.holiday.notFound", date);
        }
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<List<Operator>> listOperators() {
        return ResponseEntity.ok(reference.operators().stream()
                .map(o -> new Operator(o.operatorId(), o.site()).name(o.name())).toList());
    }

    @Override
    public ResponseEntity<Operator> putOperator(Operator operator) {
        reference.putOperator(new ReferenceData.Operator(operator.getOperatorId(), operator.getSite(), operator.getName()));
        return ResponseEntity.ok(operator);
    }

    @Override
    public ResponseEntity<List<Trunk>> listTrunks() {
        return ResponseEntity.ok(reference.trunks().stream()
                .map(t -> new Trunk(t.trunk()).description(t.description())).toList());
    }

    @Override
    public ResponseEntity<Trunk> putTrunk(Trunk trunk) {
        reference.putTrunk(new ReferenceData.Trunk(trunk.getTrunk(), trunk.getDescription()));
        return ResponseEntity.ok(trunk);
    }

    @Override
    public ResponseEntity<NumberRange> lookupNumberRange(String number) {
        if (!number.matches("7?[0-9]{10}")) {
            throw Refusal.invalid("number", "reference.number.notRussian");
        }
        var range = registry.lookup(number)
                .orElseThrow(() -> Refusal.notFound("reference.range.notFound", number));
        return ResponseEntity.ok(new NumberRange().code(range.code())
                .fromNumber(String.valueOf(range.from())).toNumber(String.valueOf(range.to()))
                .capacity(range.capacity()).operator(range.operator()).region(range.region()).inn(range.inn()));
    }

    @Override
    public ResponseEntity<NumberRangeImport> importNumberRanges(Resource body) {
        byte[] content;
        try (InputStream in = body.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw Refusal.invalid("body", "reference.registry.unreadable");
        }
        if (content.length == 0) {
            throw Refusal.invalid("body", "reference.registry.empty");
        }
        var result = registry.importFile(content);
        if (result.imported() == 0) {
            throw Refusal.of(Refusal.Kind.INVALID, Text.of("reference.registry.nothing"), result.skipped().stream()
                    .map(p -> new Refusal.Fault("line " + p.line(), p.message())).toList());
        }
        return ResponseEntity.ok(new NumberRangeImport(result.imported(), new ArrayList<>(result.codes()),
                result.skipped().stream().map(p -> new FieldError("line " + p.line(), Problems.text(p.message()))).toList()));
    }
}
