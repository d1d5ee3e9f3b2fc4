package ru.ccbilling.cdrimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;

import ru.ccbilling.cdr.CdrIntake;
import ru.ccbilling.cdr.IntakeOutcome;
import ru.ccbilling.job.JobHandler;
import ru.ccbilling.job.JobProgress;
import ru.ccbilling.job.Jobs;
import ru.ccbilling.rating.HeldNumbers;
import ru.ccbilling.rating.RatingReferences;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Fault;
import ru.ccbilling.refusal.Text;

/**
 * Imports an equipment file as a job: the upload is stored with the job, then read line by line; the mapping turns
 * each line into a JSON record and {@link CdrIntake} takes them {@value #CHUNK} at a time, exactly as JSON intake does
 * (so the same record again is a DUPLICATE, whatever way it came). A line that cannot be a record is REFUSED with
 * its number and reason and the rest of the file goes on. An import interrupted by a crash is run again from the
 * stored file and mapping: what was imported before is DUPLICATE, nothing is stored twice.
 */
@Service
public class CdrFileImport implements JobHandler<CdrFileImport.Params, ImportReport> {

    /** what an import job is started with: the mapping as it was then (name and definition) and the source */
    public record Params(String mapping, CdrFormat format, JsonNode definition, String source) { }

    public static final String JOB_KIND = "CDR_IMPORT";
    static final int CHUNK = 1000;
    static final int MAX_SOURCE_LENGTH = 64;

    private static final Logger log = LoggerFactory.getLogger(CdrFileImport.class);

    private final CdrMappings mappings;
    private final CdrIntake intake;
    private final Jobs jobs;

    private final RatingReferences references;

    CdrFileImport(CdrMappings mappings, CdrIntake intake, Jobs jobs, RatingReferences references) {
        this.references = references;
        this.mappings = mappings;
        this.intake = intake;
        this.jobs = jobs;
    }

    /**
     * Checks the parameters, stores the file aside and starts the job; answers its id. Refuses (400) naming the
     * parameter at fault (mapping, source, body), and then nothing is imported.
     */
    public UUID start(String mappingName, String source, InputStreamSource file, String startedBy) {
        CdrMapping mapping = mappings.find(mappingName).orElseThrow(() -> Refusal.invalid("mapping",
                "import.mapping.unknown", mappingName, String.join(", ",
                        mappings.all().stream().map(CdrMapping::name).toList())));
        if (source == null || source.isBlank()) {
            throw Refusal.invalid("source", "import.source.required");
        }
        if (source.trim().length() > MAX_SOURCE_LENGTH) {
            throw Refusal.invalid("source", "json.tooLong", MAX_SOURCE_LENGTH);
        }
        List<Fault> problems = mapping.problems();
        if (!problems.isEmpty()) {
            // the mapping is named first, then each problem of its definition by its path
            List<Fault> faults = new ArrayList<>();
            faults.add(new Fault("mapping", Text.of("import.mapping.unusable", mappingName)));
            faults.addAll(problems);
            throw Refusal.of(Refusal.Kind.INVALID, null, faults);
        }
        Path spooled = spool(file);
        String description = "Импорт файла (" + spooled.toFile().length() + " байт) по правилу " + mappingName
                + ", источник " + source.trim();
        try (InputStream stored = Files.newInputStream(spooled)) {
            return jobs.start(this, new Params(mappingName, mapping.format(), mapping.definition(), source.trim()),
                    description, startedBy, stored);
        } catch (IOException e) {
            throw new UncheckedIOException("the spooled file could not be read", e);
        } finally {
            delete(spooled);
        }
    }

    @Override
    public String kind() {
        return JOB_KIND;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public Class<ImportReport> resultType() {
        return ImportReport.class;
    }

    /** reads the file stored with the job into a temp file (read twice: counted, then imported) and imports it */
    @Override
    public ImportReport run(Params params, JobProgress progress) {
        // a call into a virtual-office number is recognised by the number (tariff sheet 7.2), whoever holds it now
        HeldNumbers virtualOffice = references.current().heldNumbers();
        MappingDefinition definition = new CdrMapping(params.mapping(), params.format(), params.definition(), null, null)
                .compile().withVirtualOfficeNumbers(virtualOffice::known);
        Path file = null;
        try {
            file = Files.createTempFile("cdr-import-", ".csv");
            try (InputStream in = progress.input()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return run(params.mapping(), definition, params.source(), file, progress);
        } catch (IOException e) {
            throw new UncheckedIOException("the stored file could not be copied aside", e);
        } finally {
            delete(file);
        }
    }

    private Path spool(InputStreamSource file) {
        Path spooled = null;
        try {
            spooled = Files.createTempFile("cdr-import-", ".csv");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!EquipmentFile.hasContent(spooled)) {
                throw Refusal.invalid("body", "import.file.empty");
            }
            return spooled;
        } catch (IOException e) {
            delete(spooled);
            throw Refusal.invalid("body", "import.file.unreadable", e.getMessage());
        } catch (RuntimeException e) {
            delete(spooled);
            throw e;
        }
    }

    private ImportReport run(String mappingName, MappingDefinition definition, String source, Path file,
                             JobProgress progress) throws IOException {
        ImportReport.Builder report = new ImportReport.Builder(mappingName, source);
        progress.total(EquipmentFile.countRecords(file, definition.header()));
        Chunk chunk = new Chunk();
        try (EquipmentFile lines = new EquipmentFile(file, definition.delimiter(), definition.header())) {
            for (CsvLine line = lines.next(); line != null; line = lines.next()) {
                report.read();
                MappingDefinition.Conversion conversion = definition.convert(line, source);
                if (conversion.refusal() != null) {
                    report.refuse(line.number(), null, conversion.refusal().russian());
                    progress.advance(1, IntakeOutcome.Kind.REFUSED.name());
                    continue;
                }
                chunk.add(line.number(), conversion.record());
                if (chunk.size() == CHUNK) {
                    submit(chunk, report, progress);
                }
            }
        }
        submit(chunk, report, progress);
        return report.build();
    }

    private void submit(Chunk chunk, ImportReport.Builder report, JobProgress progress) {
        if (chunk.size() == 0) {
            return;
        }
        List<IntakeOutcome> outcomes = intake.submit(chunk.records);
        Map<IntakeOutcome.Kind, Long> counts = new EnumMap<>(IntakeOutcome.Kind.class);
        for (int i = 0; i < outcomes.size(); i++) {
            IntakeOutcome outcome = outcomes.get(i);
            counts.merge(outcome.kind(), 1L, Long::sum);
            if (outcome.kind() == IntakeOutcome.Kind.REFUSED) {
                // stored in the job's result: in Russian
                report.refuse(chunk.lines.get(i), outcome.cdrId(), String.join("; ", outcome.errors().stream()
                        .map(p -> p.field() + ": " + p.reason().russian()).toList()));
            }
        }
        counts.forEach((kind, n) -> progress.advance(n, kind.name()));
        chunk.clear();
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete the imported file {}", file, e);
        }
    }

    /** records waiting for intake, with the line each came from */
    private static final class Chunk {
        private final List<JsonNode> records = new ArrayList<>(CHUNK);
        private final List<Long> lines = new ArrayList<>(CHUNK);

        void add(long line, JsonNode record) {
            lines.add(line);
            records.add(record);
        }

        int size() {
            return records.size();
        }

        void clear() {
            records.clear();
            lines.clear();
        }
    }
}
