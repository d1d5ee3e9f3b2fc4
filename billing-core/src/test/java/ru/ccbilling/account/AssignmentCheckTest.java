package ru.ccbilling.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.ccbilling.refusal.Catalogue;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Refusal.Kind;

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
                Kind.INVALID, "tariffs[1]", "пересекается с tariffs[0]");
    }

    @Test
    void anOpenTariffOverlapsEveryLaterOne() {
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment("CC-STANDARD-2026", JAN, null),
                new Account.TariffAssignment("CC-ROMASHKA", MAR, null))),
                Kind.INVALID, "tariffs[1]", "пересекается с tariffs[0]");
    }

    @Test
    void aTariffMustEndAfterItStartsAndNameATariff() {
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment("CC-ROMASHKA", FEB, FEB))),
                Kind.INVALID, "tariffs[0].validTo", "должна быть позже validFrom");
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment(" ", FEB, null))),
                Kind.INVALID, "tariffs[0].tariff", "обязательно");
    }

    @Test
    void aTariffThatDoesNotExistIsUnknownOnceTheAssignmentsAreValid() {
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment("NO-SUCH", JAN, FEB),
                new Account.TariffAssignment("CC-ROMASHKA", FEB, null))),
                Kind.UNPROCESSABLE, "tariffs[0].tariff", "нет тарифа NO-SUCH");
        assertRefused(() -> check.tariffs(List.of(new Account.TariffAssignment("NO-SUCH", JAN, MAR),
                new Account.TariffAssignment("CC-ROMASHKA", FEB, null))),
                Kind.INVALID, "tariffs[1]", "пересекается с tariffs[0]");
    }

    @Test
    void anOperatorMustExistAndEndAfterItStarts() {
        check.operator(new Account.DedicatedOperator("OP-101", JAN, null));
        assertRefused(() -> check.operator(new Account.DedicatedOperator("OP-101", FEB, JAN)),
                Kind.INVALID, "validTo", "должна быть позже validFrom");
        assertRefused(() -> check.operator(new Account.DedicatedOperator("OP-999", JAN, null)),
                Kind.UNPROCESSABLE, "operatorId", "нет оператора OP-999 в справочнике");
    }

    @Test
    void aNumberHoldingMustEndAfterItStarts() {
        check.number(new NumberAssignment("78001234567", JAN, FEB));
        assertRefused(() -> check.number(new NumberAssignment("78001234567", FEB, FEB)),
                Kind.INVALID, "validTo", "должна быть позже validFrom");
    }

    @Test
    void aRefusalReadsInEnglishWhenAskedFor() {
        assertThatThrownBy(() -> check.operator(new Account.DedicatedOperator("OP-999", JAN, null)))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.faults().get(0).in(Locale.ENGLISH)).isEqualTo("no operator OP-999 in the reference data");
                    assertThat(e.detail(Locale.ENGLISH))
                            .isEqualTo("operatorId: no operator OP-999 in the reference data; add it there first");
                    assertThat(e.getMessage())
                            .isEqualTo("operatorId: нет оператора OP-999 в справочнике; сначала добавьте его туда");
                });
        assertThatThrownBy(() -> check.number(new NumberAssignment("78001234567", FEB, FEB)))
                .isInstanceOfSatisfying(Refusal.class, e ->
                        assertThat(e.detail(Locale.ENGLISH)).isEqualTo("validTo: must be after validFrom"));
    }

    private static void assertRefused(Runnable action, Kind kind, String field, String reason) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.faults()).extracting(Refusal.Fault::field).containsExactly(field);
            assertThat(e.faults().get(0).in(Catalogue.RUSSIAN)).isEqualTo(reason);
        });
    }
}
