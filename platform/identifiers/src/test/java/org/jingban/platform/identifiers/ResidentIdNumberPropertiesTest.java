package org.jingban.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ResidentIdNumberPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final List<String> PROVINCES = List.of("11", "31", "44", "51", "62", "65");
    private static final String CHARACTERS = "0123456789X";

    @Provide
    Arbitrary<String> validIds() {
        Arbitrary<String> region = Combinators.combine(
                        Arbitraries.of(PROVINCES), Arbitraries.integers().between(0, 9999))
                .as((p, rest) -> p + String.format("%04d", rest));
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 46_000)
                .map(days -> LocalDate.of(1900, 1, 1).plusDays(days))
                .filter(d -> !d.isAfter(TODAY));
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
        return Combinators.combine(region, birth, sequence).as((r, b, s) -> {
            String first17 = r + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth())
                    + String.format("%03d", s);
            return ResidentIdNumberTest.withCheckCharacter(first17);
        });
    }

    @Property(tries = 300)
    void every_generated_valid_number_passes(@ForAll("validIds") String id) {
        assertThat(ResidentIdNumber.check(id, TODAY)).isEmpty();
    }

    @Property(tries = 300)
    void every_single_character_alteration_fails(
            @ForAll("validIds") String id,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 17) int position,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 10) int shift) {
        // given another character of the ID alphabet at one position
        char original = id.charAt(position);
        char replacement = CHARACTERS.charAt((CHARACTERS.indexOf(original) + shift) % CHARACTERS.length());
        String altered = id.substring(0, position) + replacement + id.substring(position + 1);

        // then the number is refused (by format, date, region or check digit)
        assertThat(ResidentIdNumber.check(altered, TODAY)).isPresent();
    }
}
