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

    private static final String CONFERENCE = """
            {"source":"s","cdrId":"1","callType":"CONFERENCE","startTime":"2026-04-02T11:00:00+03:00",
             "caller":"74951230001","accountCode":"ACC-1001","participants":%s%s}
            """;

    @Test
    void aConferenceIsReadWithItsParticipantsInOrder() throws Exception {
        var read = read(CONFERENCE.formatted("""
                [{"number":"74951112233","direction":"DIAL_IN","durationSec":1800},
                 {"number":"375291234567","direction":"DIAL_OUT","durationSec":595,"trunk":"TRUNK-B"},
                 {"number":"79261234567","direction":"DIAL_OUT","durationSec":61}]""", ""));
        assertThat(read.problems()).isEmpty();
        assertThat(read.cdr().participants()).containsExactly(
                new Cdr.Participant("74951112233", Cdr.Direction.DIAL_IN, 1800, null),
                new Cdr.Participant("375291234567", Cdr.Direction.DIAL_OUT, 595, "TRUNK-B"),
                new Cdr.Participant("79261234567", Cdr.Direction.DIAL_OUT, 61, null));
        assertThat(read.cdr().called()).isNull();
        assertThat(read.cdr().stages()).isEmpty();
        assertThat(read.cdr().durationSec()).as("a conference lasts as long as its longest participant").isEqualTo(1800);
    }

    @Test
    void aConferenceWithoutParticipantsOrWithMoreThanFiftyIsRefused() throws Exception {
        assertThat(read(CONFERENCE.formatted("null", "")).problems()).extracting(Fault::field).containsExactly("participants");
        assertThat(read(CONFERENCE.formatted("[]", "")).problems()).extracting(Fault::field).containsExactly("participants");
        String fiftyOne = "[" + String.join(",", java.util.Collections.nCopies(51,
                "{\"number\":\"74951112233\",\"direction\":\"DIAL_IN\",\"durationSec\":60}")) + "]";
        var tooMany = read(CONFERENCE.formatted(fiftyOne, ""));
        assertThat(tooMany.problems()).extracting(Fault::field).containsExactly("participants");
        assertThat(tooMany.problems().get(0).reason().russian()).isEqualTo("не более 50 участников конференции, передано 51");
        String fifty = "[" + String.join(",", java.util.Collections.nCopies(50,
                "{\"number\":\"74951112233\",\"direction\":\"DIAL_IN\",\"durationSec\":60}")) + "]";
        assertThat(read(CONFERENCE.formatted(fifty, "")).ok()).isTrue();
    }

    @Test
    void aConferenceWithStagesIsRefused() throws Exception {
        var read = read(CONFERENCE.formatted("""
                [{"number":"74951112233","direction":"DIAL_IN","durationSec":60}]""",
                ",\"stages\":[{\"type\":\"IVR\",\"durationSec\":5}]"));
        assertThat(read.problems()).extracting(Fault::field).containsExactly("stages");
    }

    @Test
    void eachParticipantProblemNamesTheParticipantAndItsField() throws Exception {
        var read = read(CONFERENCE.formatted("""
                [{"number":"74951112233","direction":"DIAL_IN","durationSec":60},
                 {"direction":"DIAL_IN","durationSec":60},
                 {"number":"74951112233","durationSec":60},
                 {"number":"74951112233","direction":"SIDEWAYS","durationSec":60},
                 {"number":"74951112233","direction":"DIAL_OUT"},
                 {"number":"+74951112233","direction":"DIAL_OUT","durationSec":-1,"trunk":"A/B"},
                 "nobody"]""", ""));
        assertThat(read.problems()).extracting(Fault::field).containsExactly("participants[1].number",
                "participants[2].direction", "participants[3].direction", "participants[4].durationSec",
                "participants[5].number", "participants[5].durationSec", "participants[5].trunk", "participants[6]");
        assertThat(read.problems().get(2).reason().russian()).isEqualTo("допустимые значения: DIAL_IN, DIAL_OUT");
        assertThat(read.problems().get(2).reason().in(java.util.Locale.ENGLISH)).isEqualTo("must be one of DIAL_IN, DIAL_OUT");
    }

    @Test
    void participantsBelongToConferencesOnly() throws Exception {
        var read = read("""
            {"source":"s","cdrId":"1","callType":"INBOUND_800","startTime":"2026-05-12T09:00:00+03:00","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":1}],
             "participants":[{"number":"74951112233","direction":"DIAL_IN","durationSec":60}]}
            """);
        assertThat(read.problems()).extracting(Fault::field).containsExactly("participants");
    }

    @Test
    void theServicesNeedTheirAccountCodeAndAVirtualOfficeCallItsCalledNumber() throws Exception {
        for (String type : new String[] {"SURVEY", "INFORMING"}) {
            var read = read("""
                {"source":"s","cdrId":"1","callType":"%s","startTime":"2026-05-12T09:00:00+03:00","caller":"74950000001",
                 "called":"79261234567","trunk":"TRUNK-A","stages":[{"type":"IVR","durationSec":12}]}
                """.formatted(type));
            assertThat(read.problems()).as(type).extracting(Fault::field).containsExactly("accountCode");
        }
        assertThat(read(CONFERENCE.replace("\"accountCode\":\"ACC-1001\",", "").formatted("""
                [{"number":"74951112233","direction":"DIAL_IN","durationSec":60}]""", "")).problems())
                .extracting(Fault::field).containsExactly("accountCode");
        var office = read("""
            {"source":"s","cdrId":"1","callType":"VIRTUAL_OFFICE","startTime":"2026-05-12T09:00:00+03:00",
             "caller":"79161234567","stages":[{"type":"IVR","durationSec":12}]}
            """);
        assertThat(office.problems()).extracting(Fault::field).containsExactly("called");
        var forwarded = read("""
            {"source":"s","cdrId":"1","callType":"VIRTUAL_OFFICE","startTime":"2026-05-12T09:00:00+03:00",
             "caller":"79161234567","called":"74951230001","forwardedTo":"79217654321",
             "stages":[{"type":"IVR","durationSec":20}]}
            """);
        assertThat(forwarded.ok()).as("a missing trunk is rejected by rating, not refused").isTrue();
        assertThat(forwarded.cdr().forwardedTo()).isEqualTo("79217654321");
    }

    private static final String SURVEY = """
            {"source":"s","cdrId":"1","callType":"SURVEY","startTime":"2026-05-12T14:00:00+03:00","caller":"74950000001",
             "called":"79261234567","accountCode":"ACC-1001","trunk":"TRUNK-A",
             "stages":[{"type":"IVR","durationSec":%d}]%s}
            """;

    @Test
    void aSurveyIsCompletedOnlyWhenItSaysSoAndOnlyInACallThatLasted() throws Exception {
        assertThat(read(SURVEY.formatted(185, ",\"surveyCompleted\":true")).cdr().surveyCompleted()).isTrue();
        assertThat(read(SURVEY.formatted(185, "")).cdr().surveyCompleted()).as("false by default").isFalse();
        assertThat(read(SURVEY.formatted(0, ",\"surveyCompleted\":false")).ok()).isTrue();
        var zero = read(SURVEY.formatted(0, ",\"surveyCompleted\":true"));
        assertThat(zero.problems()).extracting(Fault::field).containsExactly("surveyCompleted");
        assertThat(zero.problems().get(0).reason().russian())
                .isEqualTo("анкета не может быть заполнена за вызов длительностью 0 секунд");
        for (String notBoolean : new String[] {"\"true\"", "1", "{}"}) {
            assertThat(read(SURVEY.formatted(185, ",\"surveyCompleted\":" + notBoolean)).problems())
                    .as(notBoolean).extracting(Fault::field).containsExactly("surveyCompleted");
        }
    }

    @Test
    void anUnknownCallTypeNamesTheServicesToo() throws Exception {
        var read = read("""
            {"source":"s","cdrId":"1","callType":"WEBINAR","startTime":"2026-05-12T09:00:00+03:00","caller":"79161234567",
             "called":"78005553535","stages":[{"type":"IVR","durationSec":1}]}
            """);
        assertThat(read.problems()).extracting(Fault::field).containsExactly("callType");
        assertThat(read.problems().get(0).reason().in(java.util.Locale.ENGLISH))
                .isEqualTo("must be one of INBOUND_800, OUTBOUND, FORWARD, VIRTUAL_OFFICE, CONFERENCE, SURVEY, INFORMING");
    }
}
