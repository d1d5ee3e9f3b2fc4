package ru.ccbilling.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.ccbilling.Api;
import ru.ccbilling.refusal.Refusal.Fault;

class CdrReaderTest {

    private static CdrReader.Read read(String json) throws Exception {
        return CdrReader.read(Api.json().readTree(json));
    }

    @Test
    void aCompleteRecordIsRead() throws Exception {
        var read = read("""
            {"source":"s","cdrId":"1","callType":"FORWARD","startTime":"2026-05-12T09:00:00+03:00","caller":"79161234567",
             "called":"78005553535","trunk":"TRUNK-A","forwardedTo":"73412123456",
             "stages":[{"type":"IVR","durationSec":15},{"type":"OPERATOR","durationSec":20,"operatorId":"OP-101"}]}
            """);
        assertThat(read.ok()).isTrue();
        assertThat(read.cdr().durationSec()).isEqualTo(35);
        assertThat(read.cdr().stages()).hasSize(2);
    }

    @Test
    void typeSpecificFieldsAreRequired() throws Exception {
        var outbound = read("""
            {"source":"s","cdrId":"1","callType":"OUTBOUND","startTime":"2026-05-12T09:00:00+03:00","caller":"74950000001",
             "called":"79161234567","stages":[{"type":"IVR","durationSec":1}]}
            """);
        assertThat(outbound.problems()).extracting(Fault::field).containsExactly("accountCode");
        var forward = read("""
            {"source":"s","cdrId":"1","callType":"FORWARD","startTime":"2026-05-12T09:00:00+03:00","caller":"74950000001",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":1}]}
            """);
        assertThat(forward.problems()).extracting(Fault::field).containsExactly("forwardedTo");
    }

    @Test
    void fractionalOrHugeDurationsAreRefused() throws Exception {
        var read = read("""
            {"source":"s","cdrId":"1","callType":"INBOUND_800","startTime":"2026-05-12T09:00:00+03:00","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":1.5},{"type":"POST","durationSec":999999}]}
            """);
        assertThat(read.problems()).extracting(Fault::field)
                .containsExactly("stages[0].durationSec", "stages[1].durationSec");
    }

    @Test
    void aTimestampWithoutOffsetIsRefused() throws Exception {
        var read = read("""
            {"source":"s","cdrId":"1","callType":"INBOUND_800","startTime":"2026-05-12T09:00:00","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":1}]}
            """);
        assertThat(read.problems()).extracting(Fault::field).containsExactly("startTime");
    }

    @Test
    void aWholeNumberWrittenWithADecimalPointIsAccepted() throws Exception {
        var read = read("""
            {"source":"s","cdrId":"1","callType":"INBOUND_800","startTime":"2026-05-12T09:00:00+03:00","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":60.0},{"type":"POST","durationSec":"60"}]}
            """);
        assertThat(read.problems()).extracting(Fault::field).containsExactly("stages[1].durationSec");
    }

    @Test
    void aCallTimeOutsideTheYears1970To9999IsRefused() throws Exception {
        var read = read("""
            {"source":"s","cdrId":"1","callType":"INBOUND_800","startTime":"+10000-01-01T00:00:00Z","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":1}]}
            """);
        assertThat(read.problems()).extracting(Fault::field).containsExactly("startTime");
    }

    @Test
    void theNulCharacterIsRefusedInTheFieldsIntakeReads() throws Exception {
        var read = read("""
            {"source":"s\\u0000x","cdrId":"1","callType":"INBOUND_800","startTime":"2026-05-12T09:00:00+03:00",
             "caller":"79161234567","called":"78005553535",
             "stages":[{"type":"OPERATOR","durationSec":1,"operatorId":"OP\\u0000X"}]}
            """);
        assertThat(read.problems()).extracting(Fault::field).containsExactly("source", "stages[0].operatorId");
    }
}
