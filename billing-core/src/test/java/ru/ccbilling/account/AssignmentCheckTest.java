package ru.ccbilling.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What an account may be given: existing tariffs that never overlap, existing operators, periods that end after they start. */
class AssignmentCheckTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2026, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);

    private final AssignmentCheck check = new AssignmentCheck(Set.of("CC-STANDARD-2026", "CC-ROMASHKA")::contains,
            Set.of("OP-101")::contains);

    @Test
    void tariffsThatFollowEachOtherAreGivenTrimmed() {
        assertThat(check.tariffs(List.of(new Account.TariffAssignment(" CC-STANDARD-2026 ", JAN, FEB),
                new Account.TariffAssignment("CC-ROMASHKA", FEB, null))))
                .containsExactlyInAnyOrder(new Account.TariffAssignment("CC-STANDARD-2026", JAN, FEB),
                        new Account.TariffAssignment("CC-ROMASHKA", FEB, null));
    }

    @Test
    void aTariffThatOverlapsAnEarlierOneIsRefusedNamingBoth() {
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment("CC-STANDARD-2026", JAN, MAR),
                new Account.TariffAssignment("CC-ROMASHKA", FEB, null))),
                AccountRefused.Why.INVALID, "tariffs[1]", "overlaps tariffs[0]");
    }

    @Test
    void anOpenTariffOverlapsEveryLaterOne() {
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment("CC-STANDARD-2026", JAN, null),
                new Account.TariffAssignment("CC-ROMASHKA", MAR, null))),
                AccountRefused.Why.INVALID, "tariffs[1]", "overlaps tariffs[0]");
    }

    @Test
    void aTariffMustEndAfterItStartsAndNameATariff() {
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment("CC-ROMASHKA", FEB, FEB))),
                AccountRefused.Why.INVALID, "tariffs[0].validTo", "must be after validFrom");
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment(" ", FEB, null))),
                AccountRefused.Why.INVALID, "tariffs[0].tariff", "is required");
    }

    @Test
    void aTariffThatDoesNotExistIsUnknownOnceTheAssignmentsAreValid() {
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment("NO-SUCH", JAN, FEB),
                new Account.TariffAssignment("CC-ROMASHKA", FEB, null))),
                AccountRefused.Why.UNKNOWN, "tariffs[0].tariff", "no tariff NO-SUCH");
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment("NO-SUCH", JAN, MAR),
                new Account.TariffAssignment("CC-ROMASHKA", FEB, null))),
                AccountRefused.Why.INVALID, "tariffs[1]", "overlaps tariffs[0]");
    }

    @Test
    void anOperatorMustExistAndEndAfterItStarts() {
        check.operator(new Account.DedicatedOperator("OP-101", JAN, null));
        assertRefused(() -> check.operator(new Account.DedicatedOperator("OP-101", FEB, JAN)),
                AccountRefused.Why.INVALID, "validTo", "must be after validFrom");
        assertRefused(() -> check.operator(new Account.DedicatedOperator("OP-999", JAN, null)),
                AccountRefused.Why.UNKNOWN, "operatorId", "no operator OP-999 in the reference data");
    }

    @Test
    void aNumberHoldingMustEndAfterItStarts() {
        check.number(new NumberAssignment("78001234567", JAN, FEB));
        assertRefused(() -> check.number(new NumberAssignment("78001234567", FEB, FEB)),
                AccountRefused.Why.INVALID, "validTo", "must be after validFrom");
    }

    private static void assertRefused(Runnable action, AccountRefused.Why why, String field, String reason) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(AccountRefused.class, e -> {
            assertThat(e.why()).isEqualTo(why);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }
}
