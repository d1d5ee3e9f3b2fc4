package ru.ccbilling.cdrimport.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.CdrMappingsApi;
import ru.ccbilling.api.model.CdrMapping;
import ru.ccbilling.api.model.CdrMappingFormat;
import ru.ccbilling.cdrimport.CdrFormat;
import ru.ccbilling.cdrimport.CdrMappings;
import ru.ccbilling.refusal.Refusal;

@RestController
class CdrMappingController implements CdrMappingsApi {

    private final CdrMappings mappings;

    CdrMappingController(CdrMappings mappings) {
        this.mappings = mappings;
    }

    @Override
    public ResponseEntity<List<CdrMapping>> listCdrMappings() {
        return ResponseEntity.ok(mappings.all().stream().map(CdrMappingController::view).toList());
    }

    @Override
    public ResponseEntity<CdrMapping> getCdrMapping(String name) {
        return mappings.find(name).map(CdrMappingController::view).map(ResponseEntity::ok)
                .orElseThrow(() -> Refusal.notFound("mapping.notFound", name));
    }

    @Override
    public ResponseEntity<CdrMapping> putCdrMapping(CdrMapping mapping) {
        if (mapping.getName() == null) {
            throw Refusal.invalid("name", "value.required");
        }
        return ResponseEntity.ok(store(mapping.getName(), mapping));
    }

    @Override
    public ResponseEntity<CdrMapping> putCdrMappingByName(String name, CdrMapping mapping) {
        if (mapping.getName() != null && !mapping.getName().equals(name)) {
            throw Refusal.invalid("name", "mapping.name.notPath", name);
        }
        return ResponseEntity.ok(store(name, mapping));
    }

    @Override
    public ResponseEntity<Void> deleteCdrMapping(String name) {
        if (!mappings.delete(name)) {
            throw Refusal.notFound("mapping.notFound", name);
        }
        return ResponseEntity.noContent().build();
    }

    private CdrMapping store(String name, CdrMapping mapping) {
        return view(mappings.put(name, CdrFormat.valueOf(mapping.getFormat().getValue()), mapping.getDefinition(),
                mapping.getDescription()));
    }

    private static CdrMapping view(ru.ccbilling.cdrimport.CdrMapping m) {
        return new CdrMapping(CdrMappingFormat.fromValue(m.format().name()), m.definition()).name(m.name())
                .description(m.description()).updatedAt(m.updatedAt());
    }
}
