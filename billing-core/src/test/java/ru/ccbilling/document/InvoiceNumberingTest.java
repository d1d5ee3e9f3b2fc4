package ru.ccbilling.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import ru.ccbilling.BillingCoreTestApplication;
import ru.ccbilling.document.NumberingTemplate.Reset;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.testing.TestDatabase;

/** Numbers are gapless and unique under parallel takers, roll back with their transaction and follow dates. */
@SpringBootTest(classes = BillingCoreTestApplication.class)
@ContextConfiguration(initializers = TestDatabase.class)
class InvoiceNumberingTest {

    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    @Autowired
    InvoiceNumbering numbering;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    private String seller(String code) {
        jdbc.update("""
                insert into seller (code, name, inn, kpp, address, head, chief_accountant, bank_name, bik,
                    correspondent_account, settlement_account) values (?, 'ООО «Тест»', '7700000000', '770001001',
                    'Москва', 'Иванов И. И.', 'Петрова П. П.', 'Банк', '044525000', '30101810000000000000', '40702810000000000000')
                """, code);
        return code;
    }

    @Test
    void eightParallelTakersGetEveryNumberOnceAndAFailedTransactionConsumesNone() throws Exception {
        String seller = seller("PAR");
        numbering.save(new NumberingTemplate(seller, DocumentType.ACT, "{YYYY}-{SEQ:6}", null, Reset.YEARLY));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<String> taken = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            work.add(() -> {
                for (int i = 0; i < 50; i++) {
                    boolean fail = (thread + i) % 7 == 0;
                    try {
                        tx.executeWithoutResult(status -> {
                            String number = numbering.take(seller, DocumentType.ACT, MARCH_31);
                            if (fail) {
                                throw new IllegalStateException("rendering failed");
                            }
                            taken.add(number);
                        });
                    } catch (IllegalStateException expected) {
                        // rolled back: its number goes back to the counter
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : threads.invokeAll(work)) {
            f.get();
        }
        threads.shutdown();
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= taken.size(); n++) {
            expected.add(String.format("2026-%06d", n));
        }
        assertThat(taken).hasSizeLessThan(400).hasSizeGreaterThan(300);
        assertThat(taken).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void vatInvoicesCorrectionsAndUpdsShareOneSequenceEachWithItsTemplate() {
        String seller = seller("SHR");
        numbering.save(new NumberingTemplate(seller, DocumentType.VAT_INVOICE, "{SEQ}/{DIV}", "02", Reset.YEARLY));
        List<String> numbers = tx.execute(s -> List.of(
                numbering.take(seller, DocumentType.VAT_INVOICE, MARCH_31),
                numbering.take(seller, DocumentType.UPD, MARCH_31),
                numbering.take(seller, DocumentType.CORRECTION_VAT_INVOICE, MARCH_31),
                numbering.take(seller, DocumentType.ACT, MARCH_31),
                numbering.take(seller, DocumentType.VAT_INVOICE, LocalDate.of(2027, 1, 31))));
        assertThat(numbers).containsExactly("1/02", "2", "3", "1", "1/02");
        assertThatThrownBy(() -> numbering.save(new NumberingTemplate(seller, DocumentType.UPD, "{SEQ}", null, Reset.NEVER)))
                .isInstanceOfSatisfying(Refusal.class, p ->
                        assertThat(p.faults()).extracting(Refusal.Fault::field).containsExactly("reset"));
    }

    @Test
    void aNumberDatedBeforeTheLastOneIsRefused() {
        String seller = seller("CHR");
        tx.execute(s -> numbering.take(seller, DocumentType.INVOICE, MARCH_31));
        assertThatThrownBy(() -> tx.execute(s -> numbering.take(seller, DocumentType.INVOICE, LocalDate.of(2026, 3, 30))))
                .isInstanceOfSatisfying(Refusal.class, p -> {
                    assertThat(p.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                    assertThat(p.faults()).extracting(Refusal.Fault::field).containsExactly("date");
                    assertThat(p.getMessage()).contains("номера идут по порядку дат", "2026-03-31");
                    assertThat(p.detail(java.util.Locale.ENGLISH)).contains("numbers follow dates", "2026-03-31");
                });
        String next = tx.execute(s -> numbering.take(seller, DocumentType.INVOICE, MARCH_31));
        assertThat(next).isEqualTo("2");
    }

    @Test
    void numbersAreTakenOnlyInsideATransaction() {
        assertThatThrownBy(() -> numbering.take("CCB", DocumentType.INVOICE, MARCH_31))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }
}
