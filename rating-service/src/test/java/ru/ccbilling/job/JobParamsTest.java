package ru.ccbilling.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import ru.ccbilling.cdr.RejectQueue;
import ru.ccbilling.cdr.RejectReprocessing;
import ru.ccbilling.cdrimport.CdrFileImport;
import ru.ccbilling.cdrimport.CdrFormat;
import ru.ccbilling.rating.RejectReason;

/** What the jobs of rating are started with and answer reads back as it was stored, so a job can run again. */
class JobParamsTest {

    @Test
    void aReprocessingBySelectionOrByFilterReadsBackTheSame() {
        var byKeys = new RejectReprocessing.Params(new RejectReprocessing.Selection(
                List.of(new RejectReprocessing.CdrKey("pbx-msk-1", "c1")), null), 1);
        var byFilter = new RejectReprocessing.Params(new RejectReprocessing.Selection(null, new RejectQueue.Filter(
                RejectReason.NO_RATE, List.of("pbx-msk-1", "pbx-msk-2"), "ACC-1",
                OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC), null)), 5000);
        assertThat(roundTrip(byKeys, RejectReprocessing.Params.class)).isEqualTo(byKeys);
        assertThat(roundTrip(byFilter, RejectReprocessing.Params.class)).isEqualTo(byFilter);
        var result = new RejectReprocessing.Result(3, 2, 1, Map.of("NO_RATE", 1L), 0);
        assertThat(roundTrip(result, RejectReprocessing.Result.class)).isEqualTo(result);
    }

    @Test
    void anImportKeepsItsMappingAsItWasWhenStarted() {
        var definition = JsonNodeFactory.instance.objectNode().put("delimiter", ",");
        var params = new CdrFileImport.Params("asterisk-default", CdrFormat.ASTERISK_CSV, definition, "pbx-msk-1");
        assertThat(roundTrip(params, CdrFileImport.Params.class)).isEqualTo(params);
    }

    private static <T> T roundTrip(T value, Class<T> type) {
        return JobJson.read(JobJson.write(value), type);
    }
}
