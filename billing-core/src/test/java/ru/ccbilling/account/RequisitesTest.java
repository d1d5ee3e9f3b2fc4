package ru.ccbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** КПП, ОГРН/ОГРНИП and БИК with a settlement account: what their structure and check digits let through. */
class RequisitesTest {

    @Test
    void aKppHasATaxOfficeAndAReasonOfRegistration() {
        assertThat(Kpp.valid("770101001")).isTrue();
        assertThat(Kpp.valid("000001001")).as("no tax office 0000").isFalse();
        assertThat(Kpp.valid("770100001")).as("no reason 00").isFalse();
        assertThat(Kpp.valid("77010100")).isFalse();
    }

    @Test
    void anOgrnOfACompanyAndAnOgrnipOfAnEntrepreneurCarryACheckDigit() {
        assertThat(Ogrn.valid("1027700132195")).isTrue();
        assertThat(Ogrn.valid("1027700132196")).as("one digit off").isFalse();
        assertThat(Ogrn.valid("304500116000157")).isTrue();
        assertThat(Ogrn.valid("304500116000158")).isFalse();
        assertThat(Ogrn.valid("10277001321")).isFalse();
        assertThat(Ogrn.matchesInn("1027700132195", "7707083893")).isTrue();
        assertThat(Ogrn.matchesInn("304500116000157", "7707083893")).as("an entrepreneur's number for a company").isFalse();
    }

    @Test
    void aSettlementAccountsKeyMatchesItsBanksBik() {
        assertThat(Bik.valid("044525225")).isTrue();
        assertThat(Bik.valid("144525225")).as("not a Russian bank").isFalse();
        assertThat(Bik.accountMatches("044525225", "40702810938000012345")).isTrue();
        assertThat(Bik.accountMatches("044525225", "40702810938000012346")).as("one digit off").isFalse();
        assertThat(Bik.accountMatches("044525593", "40702810938000012345")).as("another bank").isFalse();
    }
}
