package ru.ccbilling.document;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.vat.VatRates;

/**
 * The pre-flight check of a month's mass run: what would block it, found before a number is taken. Run-level
 * problems block (the run is refused with 409 naming them): a seller's missing requisites, a sequence that already
 * holds a number dated after the documents of the run (numbers follow dates), and a run that would issue nothing.
 * An account's own problems (missing client data, lines that do not add up) do not block the others: the account
 * is skipped and listed, as the run's report lists it.
 */
@Service
public class RunPreflight {

    /** what the run dates its documents: the month's last day (the shipment date), or the day the run starts */
    /**
     * The date the documents of a month get: the month's last day (its shipment date), or the day they are issued
     * (Moscow's today; the mass run fixes it when it starts, one account's package when it is issued).
     */
    public enum DocumentDate {
        MONTH_END, RUN_DATE;

        /** the documents' date of {@code month} under this choice, {@code clock} in the business zone */
        public LocalDate of(YearMonth month, Clock clock) {
            return this == RUN_DATE ? LocalDate.now(clock) : month.atEndOfMonth();
        }
    }

    public enum Code { SELLER_DATA, CLIENT_DATA, UNBALANCED_LINES, NEGATIVE_LINE, NUMBERING_ORDER, NOTHING_TO_ISSUE }

    /** what a problem does to the run: refuses it, skips the account, or only warns (the account is issued) */
    public enum Effect { BLOCKS_RUN, SKIPS_ACCOUNT, WARNING }

    /** one problem; {@code account} for an account's own, {@code seller} for a seller's; {@code field} what is at fault */
    public record Problem(Code code, Effect effect, String seller, String account, String field, Text text) {
        public boolean blocking() {
            return effect == Effect.BLOCKS_RUN;
        }
    }

    /**
     * @param documentDate     the date the run would give its documents
     * @param canRunOnRunDate  whether dating the documents the day of the run clears every blocking problem
     *                         (false when it would not help or the run is dated so already)
     */
    public record Result(YearMonth month, DocumentDate dateChoice, LocalDate documentDate, int accounts, int toIssue,
                         int alreadyIssued, int corrections, List<Problem> problems, boolean canRunOnRunDate) {
        public boolean canRun() {
            return problems.stream().noneMatch(Problem::blocking);
        }

        /** 409 naming every blocking problem; the first one's text is the detail */
        public void requireRunnable() {
            List<Problem> blocking = problems.stream().filter(Problem::blocking).toList();
            if (!blocking.isEmpty()) {
                throw Refusal.of(Refusal.Kind.CONFLICT, blocking.get(0).text(),
                        blocking.stream().map(p -> new Refusal.Fault(p.field(), p.text())).toList());
            }
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String[] RUSSIAN_MONTHS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
            "сентябрь", "октябрь", "ноябрь", "декабрь"};
    private static final String[] ENGLISH_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    /** «апрель 2026» / "April 2026" */
    private static String monthName(YearMonth month, String[] names) {
        return names[month.getMonthValue() - 1] + " " + month.getYear();
    }
    private static final List<DocumentType> MONTHLY_TYPES =
            List.of(DocumentType.INVOICE, DocumentType.ACT, DocumentType.VAT_INVOICE, DocumentType.UPD);

    private final PackageIssue issue;
    private final DocumentStore store;
    private final InvoiceNumbering numbering;
    private final VatRates vat;
    private final Clock clock;

    RunPreflight(PackageIssue issue, DocumentStore store, InvoiceNumbering numbering, VatRates vat, Clock clock) {
        this.issue = issue;
        this.store = store;
        this.numbering = numbering;
        this.vat = vat;
        this.clock = clock;
    }

    /** the date documents of {@code month} get under {@code choice} (the run's day is Moscow's today) */
    public LocalDate documentDate(YearMonth month, DocumentDate choice) {
        return choice.of(month, clock);
    }

    /** the closed accounts of the month in order; 409 when none */
    List<String> accounts(YearMonth month) {
        List<String> accounts = new ArrayList<>(issue.source().closedAccounts(month));
        if (accounts.isEmpty()) {
            throw Refusal.conflict("document.noClosedMonth", month).at("month");
        }
        accounts.sort(null);
        return accounts;
    }

    public Result check(YearMonth month, DocumentDate choice) {
        StatementSource source = issue.source();
        List<String> accounts = accounts(month);
        Set<String> issued = store.monthlyAccounts(month);
        List<Problem> problems = new ArrayList<>();
        Map<String, Set<DocumentType>> typesBySeller = new LinkedHashMap<>();
        Set<String> sellerGaps = new LinkedHashSet<>();
        int toIssue = 0;
        for (String account : accounts) {
            if (issued.contains(account)) {
                continue;
            }
            Optional<Statement> found = source.statement(account, month);
            if (found.isEmpty()) {
                problems.add(new Problem(Code.CLIENT_DATA, Effect.SKIPS_ACCOUNT, null, account, "statement",
                        Text.of("document.preflight.account", account, "statement")));
                continue;
            }
            Statement s = found.get();
            List<StatementCheck.Gap> gaps = StatementCheck.missing(s);
            String seller = s.seller() == null ? null : s.seller().code();
            List<StatementCheck.Gap> ofSeller = gaps.stream().filter(g -> g.field().startsWith("seller")).toList();
            List<StatementCheck.Gap> ofClient = gaps.stream().filter(g -> !g.field().startsWith("seller")).toList();
            for (StatementCheck.Gap g : ofSeller) {
                if (sellerGaps.add(seller + "|" + g.field())) {
                    problems.add(new Problem(Code.SELLER_DATA, Effect.BLOCKS_RUN, seller, null, g.field(),
                            Text.of("document.preflight.seller", seller == null ? "—" : seller, g.field())));
                }
            }
            if (!ofClient.isEmpty()) {
                problems.add(new Problem(Code.CLIENT_DATA, Effect.SKIPS_ACCOUNT, seller, account, ofClient.get(0).field(),
                        Text.of("document.preflight.account", account,
                                String.join(", ", ofClient.stream().map(StatementCheck.Gap::field).distinct().toList()))));
                continue;
            }
            if (!ofSeller.isEmpty()) {
                continue;
            }
            BigDecimal rate = vat.rateOn(s.shipmentDate());
            Optional<String> unbalanced = unbalanced(s, rate);
            if (unbalanced.isPresent()) {
                problems.add(new Problem(Code.UNBALANCED_LINES, Effect.SKIPS_ACCOUNT, seller, account, "lines",
                        Text.of("document.preflight.unbalanced", account, unbalanced.get())));
                continue;
            }
            negativeLine(s, rate).ifPresent(line -> problems.add(new Problem(Code.NEGATIVE_LINE, Effect.WARNING, seller,
                    account, "lines", Text.of("document.preflight.negative", account, line))));
            toIssue++;
            typesBySeller.computeIfAbsent(seller, k -> EnumSet.noneOf(DocumentType.class)).addAll(PackageIssue.typesOf(s));
        }
        List<Correction> pending = new ArrayList<>();
        Map<String, String> sellerOfPending = new LinkedHashMap<>();
        for (String account : accounts) {
            if (!issued.contains(account)) {
                continue;
            }
            Set<String> done = store.issuedCorrections(account);
            for (Correction c : source.corrections(account, month)) {
                if (!done.contains(c.id())) {
                    pending.add(c);
                    store.monthlyPackage(account, month).map(id -> store.load(id).statement().seller().code())
                            .ifPresent(seller -> sellerOfPending.put(c.id(), seller));
                }
            }
        }
        LocalDate date = documentDate(month, choice);
        List<Problem> order = numberingOrder(month, date, choice, typesBySeller, pending, sellerOfPending);
        problems.addAll(order);
        if (toIssue == 0 && issued.isEmpty()) {
            problems.add(new Problem(Code.NOTHING_TO_ISSUE, Effect.BLOCKS_RUN, null, null, "month",
                    Text.of("document.preflight.nothing", month)));
        }
        boolean onRunDate = false;
        if (choice == DocumentDate.MONTH_END && !order.isEmpty()
                && problems.stream().filter(Problem::blocking).allMatch(p -> p.code() == Code.NUMBERING_ORDER)) {
            onRunDate = numberingOrder(month, documentDate(month, DocumentDate.RUN_DATE), DocumentDate.RUN_DATE,
                    typesBySeller, pending, sellerOfPending).isEmpty();
        }
        return new Result(month, choice, date, accounts.size(), toIssue, issued.size(), pending.size(),
                List.copyOf(problems), onRunDate);
    }

    /** sequences that already hold a number dated after a document the run would number in them */
    private List<Problem> numberingOrder(YearMonth month, LocalDate date, DocumentDate choice,
                                         Map<String, Set<DocumentType>> typesBySeller, List<Correction> pending,
                                         Map<String, String> sellerOfPending) {
        List<Problem> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, Set<DocumentType>> e : typesBySeller.entrySet()) {
            String seller = e.getKey();
            for (DocumentType type : MONTHLY_TYPES) {
                if (!e.getValue().contains(type)) {
                    continue;
                }
                numbering.laterThan(seller, type, date).ifPresent(later -> {
                    if (seen.add(seller + "|" + later.sequence())) {
                        out.add(orderProblem(seller, later, month, date, choice));
                    }
                });
            }
        }
        for (Correction c : pending) {
            String seller = sellerOfPending.get(c.id());
            if (seller == null) {
                continue;
            }
            Optional<InvoiceNumbering.Later> later = numbering.laterThan(seller, DocumentType.CORRECTION_VAT_INVOICE, c.date());
            boolean afterRun = typesBySeller.containsKey(seller) && date.isAfter(c.date())
                    && numbering.sequence(seller, DocumentType.CORRECTION_VAT_INVOICE)
                    .equals(numbering.sequence(seller, DocumentType.VAT_INVOICE));
            if (later.isPresent() || afterRun) {
                out.add(new Problem(Code.NUMBERING_ORDER, Effect.BLOCKS_RUN, seller, c.account(), "month",
                        Text.of("document.preflight.correctionOrder", c.account(), c.id(), c.date().format(DATE), seller,
                                later.map(l -> l.number() == null ? String.valueOf(l.value()) : l.number()).orElse("—"),
                                later.map(l -> l.date()).orElse(date).format(DATE))));
            }
        }
        return out;
    }

    private Problem orderProblem(String seller, InvoiceNumbering.Later later, YearMonth month, LocalDate date,
                                 DocumentDate choice) {
        String number = later.number() == null ? String.valueOf(later.value()) : later.number();
        boolean single = numbering.policy(seller) == InvoiceNumbering.Policy.SINGLE;
        String key = "document.preflight.order." + later.sequence()
                + (choice == DocumentDate.RUN_DATE ? ".onRunDate" : single && later.sequence().equals("VAT_INVOICE")
                ? ".single" : "");
        return new Problem(Code.NUMBERING_ORDER, Effect.BLOCKS_RUN, seller, null, "month", Text.of(key, seller, number,
                later.date().format(DATE), monthName(month, RUSSIAN_MONTHS), date.format(DATE), LocalDate.now(clock).format(DATE),
                monthName(month, ENGLISH_MONTHS)));
    }

    /** why the printed lines of a statement would not sum to its amounts (the ledger's); empty when they do */
    static Optional<String> unbalanced(Statement s, BigDecimal rate) {
        TaxedLines taxed = TaxedLines.of(s.lines(), rate);
        BigDecimal ledger = s.lines().stream().map(l -> l.net().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal printed = taxed.lines().stream().map(l -> l.line().net().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (printed.compareTo(ledger) != 0 || taxed.net().amount().compareTo(ledger) != 0) {
            return Optional.of(printed.toPlainString() + " ≠ " + ledger.toPlainString());
        }
        return Optional.empty();
    }

    /**
     * a line still negative once the volume discount and deductions are folded (deductions over the month's charges,
     * or a statement stored before lines had keys): the VAT invoice prints it, the ФНС XML cannot be made
     */
    static Optional<String> negativeLine(Statement s, BigDecimal rate) {
        return TaxedLines.of(s.lines(), rate).lines().stream().map(TaxedLines.Line::line).filter(l -> l.net().isNegative())
                .findFirst().map(l -> "«" + l.name() + "» " + l.net().amount().toPlainString());
    }
}
