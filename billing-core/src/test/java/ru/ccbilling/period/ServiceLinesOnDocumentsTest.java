package ru.ccbilling.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.document.DocumentType;
import ru.ccbilling.document.Statement;
import ru.ccbilling.document.form.Forms;
import ru.ccbilling.document.form.PdfRendering;
import ru.ccbilling.money.Money;
import ru.ccbilling.testing.SampleStatements;

/**
 * The services of issue 15 on the client's documents (tariff sheet 7): each a line of its own with its name and its
 * OKEI unit (minutes 355, pieces 796 for questionnaires and calls, months 362 for the rental), the outbound calls
 * and marking of surveys and informing told apart from ordinary outbound calls, and the virtual-office rental named
 * with its number and channels; on the invoice, the act, the VAT invoice and the UPD.
 */
class ServiceLinesOnDocumentsTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    private static Statement.Line usage(String service, String component, long quantity, String unit, String amount) {
        return StatementLines.line("USAGE", service, component, null, BigDecimal.valueOf(quantity), unit, null,
                Money.of(amount), null, null, MARCH);
    }

    private static final List<Statement.Line> LINES = List.of(
            usage("VIRTUAL_OFFICE", "VO_MINUTE", 6_000, "SEC", "40.00"),               // 100 min × 0.40
            usage("VIRTUAL_OFFICE", "FORWARD_LEG", 600, "SEC", "19.00"),
            usage("CONFERENCE", "CONFERENCE_PORT", 3_000, "SEC", "60.00"),             // 50 participant-min × 1.20
            usage("CONFERENCE", "CONFERENCE_LEG", 600, "SEC", "19.00"),
            usage("SURVEY", "SURVEY_COMPLETED", 4, "CALL", "60.00"),                   // 4 × 15.00
            usage("SURVEY", "OUTBOUND", 1_200, "SEC", "38.00"),
            usage("SURVEY", "MARKING_FEE", 10, "CALL", "4.80"),
            usage("INFORMING", "INFORMING_ATTEMPT", 100, "CALL", "15.00"),             // 100 × 0.15
            usage("INFORMING", "OUTBOUND", 1_800, "SEC", "57.00"),
            usage("INFORMING", "MARKING_FEE", 50, "CALL", "24.00"),
            usage("OUTBOUND", "OUTBOUND", 600, "SEC", "19.00"),
            StatementLines.line("MONTHLY_FEE", "MONTHLY", "VIRTUAL_OFFICE_NUMBER", "74951230000", BigDecimal.valueOf(31),
                    "DAY", new BigDecimal("1150.00"), Money.of("1150.00"), null, 3, MARCH),
            StatementLines.line("MONTHLY_FEE", "MONTHLY", "VIRTUAL_OFFICE_NUMBER", "74951230001", BigDecimal.valueOf(31),
                    "DAY", new BigDecimal("900.00"), Money.of("900.00"), null, 2, MARCH),
            StatementLines.line("MONTHLY_FEE", "MONTHLY", "NUMBER_RENTAL", "78005553535", BigDecimal.valueOf(31),
                    "DAY", new BigDecimal("1500.00"), Money.of("1500.00"), null, null, MARCH));

    private static String printed(Statement.Line l) {
        return l.name() + " | " + l.unitCode() + " " + l.unitName() + " | " + l.quantity().stripTrailingZeros().toPlainString()
                + " × " + l.price();
    }

    @Test
    void eachServiceIsALineOfItsOwnWithItsNameAndOkeiUnit() {
        assertThat(LINES).extracting(ServiceLinesOnDocumentsTest::printed).containsExactly(
                "Виртуальный офис: входящие вызовы | 355 мин | 100 × 0.40",
                "Виртуальный офис: переадресация вызовов на внешние номера | 355 мин | 10 × 1.90",
                "Аудиоконференции | 355 мин | 50 × 1.20",
                "Аудиоконференции: вызовы участникам | 355 мин | 10 × 1.90",
                "Телефонные опросы: заполненные анкеты | 796 шт | 4 × 15.00",
                "Телефонные опросы: исходящие вызовы | 355 мин | 20 × 1.90",
                "Телефонные опросы: маркировка исходящих вызовов | 796 шт | 10 × 0.48",
                "Автоматическое информирование: вызовы | 796 шт | 100 × 0.15",
                "Автоматическое информирование: исходящие вызовы | 355 мин | 30 × 1.90",
                "Автоматическое информирование: маркировка исходящих вызовов | 796 шт | 50 × 0.48",
                "Исходящие вызовы | 355 мин | 10 × 1.90",
                "Аренда номера виртуального офиса 74951230000 (3 канала) | 362 мес | 1 × 1150.00",
                "Аренда номера виртуального офиса 74951230001 (2 канала) | 362 мес | 1 × 900.00",
                "Аренда номера 8-800 78005553535 | 362 мес | 1 × 1500.00");
        assertThat(LINES).extracting(Statement.Line::service).containsSubsequence(Statement.Service.VIRTUAL_OFFICE,
                Statement.Service.CONFERENCES, Statement.Service.SURVEYS, Statement.Service.INFORMING,
                Statement.Service.OUTBOUND, Statement.Service.MONTHLY_FEE);
    }

    @Test
    void aPartMonthOfTheRentalIsOneServiceUnitWithItsDaysAndMonthlyPriceInItsName() {
        // 0.516 month × 1,400.00 would be 722.40, not the 722.58 billed (1,400.00 × 16 / 31 rounded once)
        Statement.Line half = StatementLines.line("MONTHLY_FEE", "MONTHLY", "VIRTUAL_OFFICE_NUMBER", "74951230000",
                BigDecimal.valueOf(16), "DAY", new BigDecimal("1400.00"), Money.of("722.58"), null, 4, MARCH);
        assertThat(printed(half)).isEqualTo("Аренда номера виртуального офиса 74951230000 (4 канала): 16 из 31 дн. по"
                + " 1\u00a0400,00 руб./мес | 876 усл. ед. | 1 × 722.58");
    }

    @Test
    void channelsAreCountedInRussian() {
        assertThat(List.of(1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111)).extracting(n -> n + " " + StatementLines.channelsWord(n))
                .containsExactly("1 канал", "2 канала", "4 канала", "5 каналов", "11 каналов", "12 каналов", "21 канал",
                        "22 канала", "25 каналов", "101 канал", "111 каналов");
    }

    @Test
    void theInvoiceTheActTheVatInvoiceAndTheUpdPrintTheServices() throws IOException {
        Statement statement = new Statement("ACC-1002", MARCH, null, SampleStatements.seller(),
                SampleStatements.vector(MARCH).client(), null, LINES);
        LocalDate date = MARCH.atEndOfMonth();
        for (DocumentType type : List.of(DocumentType.INVOICE, DocumentType.ACT, DocumentType.VAT_INVOICE, DocumentType.UPD)) {
            DocumentContent content = new DocumentContent(type, "42", date, new BigDecimal("0.22"), statement,
                    type == DocumentType.VAT_INVOICE ? new DocumentContent.Reference("2026-000042", date) : null, null);
            String text = text(new PdfRendering().pdf(Forms.html(content), date));
            assertThat(text).as(type.name()).contains("Виртуальный офис: входящие вызовы", "Аудиоконференции",
                    "Аудиоконференции: вызовы участникам", "Телефонные опросы: заполненные анкеты",
                    "Телефонные опросы: исходящие вызовы", "Автоматическое информирование: вызовы",
                    "Автоматическое информирование: маркировка исходящих вызовов",
                    "Аренда номера виртуального офиса 74951230000 (3 канала)", "мин", "шт", "мес");
            if (type == DocumentType.VAT_INVOICE || type == DocumentType.UPD) {
                assertThat(text).as(type.name()).contains("355", "796", "362");
            }
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }
}
