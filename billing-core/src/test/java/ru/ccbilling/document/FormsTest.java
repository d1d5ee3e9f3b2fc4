package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import ru.ccbilling.document.form.Forms;
import ru.ccbilling.document.form.PdfRendering;
import ru.ccbilling.testing.SampleStatements;

/** Each form renders to a PDF with its fonts embedded, the texts accountants look for, and the same bytes every time. */
class FormsTest {

    static final PdfRendering PDF = new PdfRendering();
    static final YearMonth APRIL = YearMonth.of(2026, 4);
    static final LocalDate APRIL_30 = APRIL.atEndOfMonth();
    static final BigDecimal RATE = new BigDecimal("0.22");

    static DocumentContent content(DocumentType type, Statement s) {
        return new DocumentContent(type, type == DocumentType.ACT ? "2026-000042" : "417", s.shipmentDate(), RATE, s,
                type == DocumentType.VAT_INVOICE ? new DocumentContent.Reference("2026-000042", s.shipmentDate())
                        : type == DocumentType.CORRECTION_VAT_INVOICE ? new DocumentContent.Reference("380", LocalDate.of(2026, 3, 31)) : null,
                type == DocumentType.CORRECTION_VAT_INVOICE ? SampleStatements.romashkaCorrection(YearMonth.of(2026, 3), APRIL_30) : null);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s is embedded", font.getName()).isTrue();
                }
            }
            return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        }
    }

    private static byte[] render(DocumentContent c) throws IOException {
        byte[] pdf = PDF.pdf(Forms.html(c), c.date());
        Path out = Path.of("target/forms");
        Files.createDirectories(out);
        Files.write(out.resolve(c.type().name().toLowerCase() + ".pdf"), pdf);
        return pdf;
    }

    @Test
    void theVatInvoiceHasTheDecreeHeaderEveryRowAndColumnAndTheSameBytesTwice() throws IOException {
        DocumentContent c = content(DocumentType.VAT_INVOICE, SampleStatements.romashka(APRIL));
        byte[] pdf = render(c);
        String text = text(pdf);
        assertThat(text).contains("Приложение № 1", "от 26 декабря 2011 г. № 1137", "СЧЁТ-ФАКТУРА", "(1а)", "(2б)", "(5а)",
                "(5б)", "(6б)", "Российский рубль, 643", "№ п/п 1–13 № 2026-000042 от 30.04.2026", "без акциза", "22%",
                "Всего к оплате", "ООО «Ромашка»", "7701234567/770101001", "Смирнов А. В.", "Кузнецова О. П.", "12а", "14");
        assertThat(PDF.pdf(Forms.html(c), c.date())).isEqualTo(pdf);
    }

    @Test
    void aVatInvoiceOfTwoPagesRepeatsTheColumnHeaderOnPageTwoAndWritesAmountsTheRussianWay() throws IOException {
        Statement april = SampleStatements.romashka(APRIL);
        java.util.List<Statement.Line> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            many.add(new Statement.Line(Statement.Service.ONE_TIME, "Разовая услуга № " + i, "796", "шт",
                    BigDecimal.valueOf(1000 + i), new BigDecimal("1234.50"),
                    ru.ccbilling.money.Money.of(new BigDecimal("1234.50").multiply(BigDecimal.valueOf(1000 + i)))));
        }
        Statement longOne = new Statement(april.account(), APRIL, null, april.seller(), april.client(), april.contract(), many);
        DocumentContent c = content(DocumentType.VAT_INVOICE, longOne);
        byte[] pdf = render(c);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).as("long enough for two pages").isGreaterThanOrEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String page2 = stripper.getText(doc).replaceAll("\\s+", " ");
            assertThat(page2).as("the column header on page 2").contains("Наименование товара", "Количество (объём)",
                    "Сумма налога, предъявляемая покупателю");
            assertThat(page2).as("lines continue on page 2").contains("Разовая услуга №");
        }
        String text = text(pdf);
        // 1 001 × 1 234,50 = 1 235 734,50 (grouped with a no-break space); the rate as "22%"
        assertThat(Forms.html(c)).contains("1\u00a0235\u00a0734,50", "1\u00a0234,50", ">22%<");
        assertThat(text).contains("1 235 734,50");
    }

    @Test
    void beforeApril2026TheFormHasNoRow5b() throws IOException {
        DocumentContent c = content(DocumentType.VAT_INVOICE, SampleStatements.romashka(YearMonth.of(2026, 3)));
        assertThat(text(PDF.pdf(Forms.html(c), c.date()))).contains("(5а)").doesNotContain("(5б)");
    }

    @Test
    void theInvoiceAndTheActCarryTotalsInWordsAndSignatures() throws IOException {
        TaxedLines taxed = TaxedLines.of(SampleStatements.romashka(APRIL).lines(), RATE);
        String invoice = text(render(content(DocumentType.INVOICE, SampleStatements.romashka(APRIL))));
        assertThat(invoice).contains("Счёт на оплату № 417 от 30 апреля 2026 г.", "БИК", "044525225", "40702810938000012345",
                "Всего к оплате:", AmountInWords.of(taxed.gross()));
        String act = text(render(content(DocumentType.ACT, SampleStatements.romashka(APRIL))));
        assertThat(act).contains("Акт № 2026-000042 от 30 апреля 2026 г.", "Исполнитель:", "Заказчик:", "ИСПОЛНИТЕЛЬ",
                "ЗАКАЗЧИК", "Генеральный директор", "Смирнов А. В.", "Петров П. П.", AmountInWords.of(taxed.gross()));
    }

    @Test
    void theUpdIsStatusOneWithTheTransferPart() throws IOException {
        String upd = text(render(content(DocumentType.UPD, SampleStatements.vector(APRIL))));
        assertThat(upd).contains("Универсальный", "Статус:", "[8]", "[10]", "[14]", "[15]", "[19]", "АО «Вектор»");
    }

    @Test
    void theCorrectionInvoiceShowsRowsABVGAndTheIncreaseAndDecreaseTotals() throws IOException {
        String ksf = text(render(content(DocumentType.CORRECTION_VAT_INVOICE, SampleStatements.romashka(YearMonth.of(2026, 3)))));
        assertThat(ksf).contains("Приложение № 2", "КОРРЕКТИРОВОЧНЫЙ СЧЁТ-ФАКТУРА", "к счёту-фактуре №", "380 от 31 марта 2026 г.",
                "А (до изменения)", "Б (после изменения)", "В (увеличение)", "Г (уменьшение)",
                "Всего увеличение (сумма строк В)", "Всего уменьшение (сумма строк Г)",
                // operator minutes: 900.00 down, VAT 198.00; network: 145.00 up, VAT 31.90
                "900,00", "198,00", "1 098,00", "145,00", "31,90", "176,90");
    }

    @Test
    void envelopeLabelsAreOnePagePerEnvelopeInTheEnvelopeSize() throws IOException {
        var envelopes = java.util.List.of(
                new ru.ccbilling.document.form.EnvelopeLabels.Envelope("ООО «Ромашка»", "119019", "г. Москва, ул. Новый Арбат, д. 10, офис 305", Statement.DeliveryMethod.POST),
                new ru.ccbilling.document.form.EnvelopeLabels.Envelope("АО «Вектор»", "197022", "г. Санкт-Петербург, ул. Льва Толстого, д. 7", Statement.DeliveryMethod.COURIER));
        for (var size : ru.ccbilling.document.form.EnvelopeLabels.Size.values()) {
            byte[] pdf = PDF.pdf(ru.ccbilling.document.form.EnvelopeLabels.html(SampleStatements.seller(), envelopes, size), APRIL_30);
            Files.write(Path.of("target/forms/labels-" + size + ".pdf"), pdf);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).isEqualTo(2);
                float widthMm = doc.getPage(0).getMediaBox().getWidth() / 72 * 25.4f;
                assertThat(widthMm).isCloseTo(size == ru.ccbilling.document.form.EnvelopeLabels.Size.DL ? 220 : 229,
                        org.assertj.core.data.Offset.offset(1f));
            }
            assertThat(text(pdf)).contains("От кого", "Откуда", "Кому", "Куда", "ООО «Контакт-Центр Биллинг»", "119019", "АО «Вектор»");
        }
    }

    @Test
    void envelopeLabelsEscapeNamesAndAddressesAndPrintThemIntactWithTheDeliveryMethod() throws IOException {
        String name = "ООО \"Рога & Копыта\" <Юг>";
        String address = "г. Ростов-на-Дону, ул. Б. Садовая, д. 1 <корп. 2> & 'офис' 3";
        var envelopes = java.util.List.of(
                new ru.ccbilling.document.form.EnvelopeLabels.Envelope(name, "344002", address, Statement.DeliveryMethod.POST),
                new ru.ccbilling.document.form.EnvelopeLabels.Envelope("АО «Вектор»", "197022", "", Statement.DeliveryMethod.COURIER));
        String html = ru.ccbilling.document.form.EnvelopeLabels.html(SampleStatements.seller(), envelopes,
                ru.ccbilling.document.form.EnvelopeLabels.Size.C5);
        assertThat(html).doesNotContain(name, address).contains("Рога &amp; Копыта", "&lt;Юг&gt;");
        byte[] pdf = PDF.pdf(html, APRIL_30);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.getPage(1).getMediaBox().getHeight() / 72 * 25.4f).isCloseTo(162, org.assertj.core.data.Offset.offset(1f));
        }
        String text = text(pdf);
        assertThat(text).contains(name, address, "Почта России", "Курьерская доставка", "Индекс",
                "125167, г. Москва, Ленинградский проспект, д. 39, стр. 80");
        assertThat(text.indexOf(name)).as("the envelopes in the order given").isLessThan(text.indexOf("АО «Вектор»"));
        assertThat(text).as("an empty address is a dash").contains("Куда —");
    }

    @Test
    void renderingSpeed() {
        DocumentContent c = content(DocumentType.VAT_INVOICE, SampleStatements.generated(7, APRIL));
        for (int i = 0; i < 20; i++) {
            PDF.pdf(Forms.html(c), c.date());
        }
        long start = System.nanoTime();
        int n = Integer.getInteger("renders", 60);
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += PDF.pdf(Forms.html(content(DocumentType.values()[i % 3], SampleStatements.generated(i, APRIL))), APRIL_30).length;
        }
        System.out.printf("rendering: %.1f ms per document, %d bytes each%n", (System.nanoTime() - start) / 1e6 / n, bytes / n);
    }
}
