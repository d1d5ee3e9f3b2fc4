package ru.ccbilling.tariff.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.TariffsApi;
import ru.ccbilling.input.ClientDates;
import ru.ccbilling.api.model.ModelDiff;
import ru.ccbilling.api.model.NewTariff;
import ru.ccbilling.api.model.NewTariffVersion;
import ru.ccbilling.api.model.Publication;
import ru.ccbilling.api.model.RuleChange;
import ru.ccbilling.api.model.TableRowChange;
import ru.ccbilling.api.model.Tariff;
import ru.ccbilling.api.model.TariffAuditEntry;
import ru.ccbilling.api.model.TariffDiff;
import ru.ccbilling.api.model.TariffModel;
import ru.ccbilling.api.model.TariffModelContent;
import ru.ccbilling.api.model.TariffModelKind;
import ru.ccbilling.api.model.TariffVersion;
import ru.ccbilling.api.model.TariffVersionState;
import ru.ccbilling.api.model.Validation;
import ru.ccbilling.api.model.ValidationMessage;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.rules.ModelMessage;
import ru.ccbilling.tariff.TariffAudit;
import ru.ccbilling.tariff.TariffCatalog;
import ru.ccbilling.tariff.TariffDiffs;
import ru.ccbilling.tariff.TariffEditing;
import ru.ccbilling.tariff.TariffVersionInfo;

@RestController
class TariffController implements TariffsApi {

    private final TariffEditing editing;
    private final TariffCatalog catalog;
    private final TariffDiffs diffs;
    private final TariffAudit audit;

    TariffController(TariffEditing editing, TariffCatalog catalog, TariffDiffs diffs, TariffAudit audit) {
        this.editing = editing;
        this.catalog = catalog;
        this.diffs = diffs;
        this.audit = audit;
    }

    @Override
    public ResponseEntity<List<Tariff>> listTariffs() {
        return ResponseEntity.ok(editing.tariffs().stream().map(t -> new Tariff(t.code(), t.name()).standard(t.standard())
                .latestVersion(t.latestVersion()).versionInForce(t.versionInForce())).toList());
    }

    @Override
    public ResponseEntity<Tariff> createTariff(NewTariff body) {
        editing.createTariff(body.getCode(), body.getName(), body.getCopyOf(), body.getCopyOfVersion(), actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Tariff(body.getCode(), body.getName()).standard(false).latestVersion(1));
    }

    @Override
    public ResponseEntity<List<TariffVersion>> listTariffVersions(String code) {
        return ResponseEntity.ok(editing.versions(code).stream()
                .map(TariffController::view).toList());
    }

    @Override
    public ResponseEntity<TariffVersion> getTariffVersion(String code, Integer version) {
        TariffVersion view = view(editing.version(code, version));
        view.models(catalog.models(code, version).stream().map(m -> new TariffModel(m.name(),
                TariffModelKind.fromValue(m.kind().name()), m.content())).toList());
        return ResponseEntity.ok(view);
    }

    @Override
    public ResponseEntity<TariffVersion> createTariffVersion(String code, NewTariffVersion body) {
        TariffVersionInfo draft = editing.createDraft(code, body.getBasedOn(), actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(draft));
    }

    @Override
    public ResponseEntity<TariffModel> putTariffModel(String code, Integer version, String name, TariffModelContent body) {
        var model = new ru.ccbilling.rules.TariffModel(name, ru.ccbilling.rules.TariffModel.Kind.valueOf(body.getKind().getValue()),
                body.getContent());
        editing.putModel(code, version, model, actor());
        return ResponseEntity.ok(new TariffModel(name, body.getKind(), body.getContent()));
    }

    @Override
    public ResponseEntity<Void> deleteTariffDraft(String code, Integer version) {
        editing.deleteDraft(code, version, actor());
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Void> deleteTariffModel(String code, Integer version, String name) {
        editing.deleteModel(code, version, name, actor());
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Validation> validateTariffVersion(String code, Integer version) {
        TariffEditing.Validation validation = editing.validate(code, version, actor());
        return ResponseEntity.ok(new Validation(validation.valid(), validation.messages().stream()
                .map(TariffController::message).toList()).compileMillis(validation.compileMillis()));
    }

    @Override
    public ResponseEntity<TariffVersion> publishTariffVersion(String code, Integer version, Publication body) {
        OffsetDateTime effectiveFrom = effectiveFrom(body.getEffectiveFrom());
        if (!ClientDates.inRange(effectiveFrom.getYear())) {
            throw Refusal.field(Refusal.Kind.INVALID, "effectiveFrom", ClientDates.RANGE);
        }
        return ResponseEntity.ok(view(editing.publish(code, version, effectiveFrom, actor())));
    }

    @Override
    public ResponseEntity<TariffDiff> diffTariffVersions(String code, Integer version, Integer against) {
        TariffVersionInfo info = editing.version(code, version);
        int from = against != null ? against : info.basedOn() != null ? info.basedOn() : Math.max(1, version - 1);
        editing.version(code, from);
        List<ModelDiff> models = diffs.diff(code, from, version).stream().map(d -> new ModelDiff(d.model(),
                        ModelDiff.ChangeEnum.fromValue(d.change().name()))
                .rows(d.rows().stream().map(r -> new TableRowChange(TableRowChange.ChangeEnum.fromValue(r.change().name()))
                        .decision(r.decision()).inputs(r.inputs()).before(r.before()).after(r.after())).toList())
                .rules(d.rules().stream().map(r -> new RuleChange(RuleChange.ChangeEnum.fromValue(r.change().name()), r.rule())
                        .before(r.before()).after(r.after())).toList())).toList();
        return ResponseEntity.ok(new TariffDiff(code, from, version, models));
    }

    @Override
    public ResponseEntity<List<TariffAuditEntry>> tariffAudit(String code) {
        editing.versions(code);
        return ResponseEntity.ok(audit.of(code).stream().map(e -> new TariffAuditEntry(
                TariffAuditEntry.ActionEnum.fromValue(e.action().name()), e.actor(), e.at())
                .version(e.version()).detail(e.detail())).toList());
    }

    /** an ISO-8601 time with an offset; anything else is refused naming effectiveFrom */
    private static OffsetDateTime effectiveFrom(String text) {
        if (text != null) {
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw Refusal.field(Refusal.Kind.INVALID, "effectiveFrom", Text.of("json.timestamp", "2026-12-01T00:00:00+03:00"));
    }

    static ValidationMessage message(ModelMessage m) {
        // Russian unless the reader asked for English (Accept-Language), as every text the server writes
        boolean english = "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
        return new ValidationMessage(m.model(), ValidationMessage.SeverityEnum.fromValue(m.severity().name()),
                english ? m.message() : m.russian())
                .location(m.location());
    }

    private static TariffVersion view(TariffVersionInfo v) {
        return new TariffVersion(v.tariff(), v.version(), TariffVersionState.fromValue(v.state().name()))
                .effectiveFrom(v.effectiveFrom()).basedOn(v.basedOn()).createdBy(v.createdBy()).createdAt(v.createdAt())
                .publishedBy(v.publishedBy()).publishedAt(v.publishedAt());
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
