package ru.ccbilling.tariff.sales;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Service;

import ru.ccbilling.document.DocumentRendering;
import ru.ccbilling.money.Money;

/**
 * The commercial offer (коммерческое предложение) of a client tariff, in Russian: the price list (every cell the
 * client's price differs from the base's, then the rest), the minimum payment, and the quote's comparison with the
 * standard tariff. XHTML rendered by billing-core's {@link DocumentRendering} with the documents' DejaVu fonts.
 */
@Service
public class OfferPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final DocumentRendering pdf;
    private final Clock clock;

    OfferPdf(DocumentRendering pdf, Clock clock) {
        this.pdf = pdf;
        this.clock = clock;
    }

    public byte[] render(ClientTariffs.View tariff, Quotes.Quote quote) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Moscow")));
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>")
                .append("@page { size: A4; margin: 15mm; } body { font-family: 'DejaVu Sans'; font-size: 9pt; }")
                .append("table { border-collapse: collapse; width: 100%; margin-bottom: 8mm; }")
                .append("td, th { border: 0.5pt solid #555; padding: 2pt 4pt; } td.n { text-align: right; }")
                .append("h1 { font-size: 14pt; } h2 { font-size: 11pt; } .low { color: #a00; }")
                .append("</style><title>Коммерческое предложение</title></head><body>");
        b.append("<h1>Коммерческое предложение</h1>");
        b.append("<p>Тариф «").append(esc(tariff.info().name())).append("» (").append(esc(tariff.info().code()))
                .append(") на основе тарифа ").append(esc(tariff.info().baseTariff())).append(", версия ")
                .append(tariff.info().baseVersion()).append(". Дата предложения: ").append(today.format(DATE))
                .append(". Цены указаны в рублях без НДС.</p>");
        if (tariff.info().account() != null) {
            b.append("<p>Лицевой счёт: ").append(esc(tariff.info().account())).append("</p>");
        }
        b.append("<h2>Цены</h2><table><tr><th>Услуга</th><th>Условия</th><th>Стандартный тариф</th><th>Ваш тариф</th></tr>");
        for (ClientTariffs.PriceCell cell : tariff.cells()) {
            if (cell.price().compareTo(cell.base().price()) == 0) {
                continue;
            }
            row(b, cell);
        }
        for (ClientTariffs.PriceCell cell : tariff.cells()) {
            if (cell.price().compareTo(cell.base().price()) != 0) {
                continue;
            }
            row(b, cell);
        }
        b.append("</table>");
        BigDecimal minimum = tariff.info().adjustments().minimumMonthlyPayment();
        if (minimum != null) {
            b.append("<p>Минимальный ежемесячный платёж: ").append(rub(minimum)).append(" руб. без НДС. Если стоимость ")
                    .append("услуг месяца меньше, выставляется доплата до минимального ежемесячного платежа.</p>");
        }
        if (quote != null) {
            b.append("<h2>Сравнение").append(quote.account() != null ? " на трафике счёта " + esc(quote.account()) : " на профиле трафика")
                    .append(quote.months() > 1 ? " за " + quote.months() + " мес." : " за месяц").append("</h2>");
            b.append("<table><tr><th>Строка счёта</th><th>Количество</th><th>Стандартный тариф</th><th>Ваш тариф</th></tr>");
            for (Quotes.Line line : quote.lines()) {
                b.append("<tr><td>").append(esc(line.name())).append("</td><td class=\"n\">")
                        .append(line.quantity() == null ? "" : line.quantity().toPlainString() + " " + esc(line.unit() == null ? "" : line.unit()))
                        .append("</td><td class=\"n\">").append(rub(line.standard().amount())).append("</td><td class=\"n\">")
                        .append(rub(line.client().amount())).append("</td></tr>");
            }
            b.append("<tr><th>Итого</th><th></th><th class=\"n\">").append(rub(quote.standardTotal().amount()))
                    .append("</th><th class=\"n\">").append(rub(quote.clientTotal().amount())).append("</th></tr></table>");
            Money diff = quote.difference();
            b.append("<p>").append(diff.amount().signum() <= 0 ? "Экономия: " + rub(diff.amount().negate())
                    : "Разница: +" + rub(diff.amount())).append(" руб. без НДС.</p>");
        }
        b.append("</body></html>");
        return pdf.pdf(b.toString(), today);
    }

    private static void row(StringBuilder b, ClientTariffs.PriceCell cell) {
        b.append("<tr><td>").append(esc(groupName(cell))).append("</td><td>")
                .append(esc(cell.base().description() == null ? String.join(", ", cell.base().inputs()).replace("\"", "")
                        : cell.base().description())).append("</td><td class=\"n\">").append(rub(cell.base().price()))
                .append("</td><td class=\"n\">").append(rub(cell.price())).append("</td></tr>");
    }

    private static String groupName(ClientTariffs.PriceCell cell) {
        return cell.group() != null ? cell.group().russian() : cell.base().decision();
    }

    static String rub(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.forLanguageTag("ru"));
        symbols.setGroupingSeparator('\u00a0');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", symbols).format(amount);
    }

    private static String esc(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
