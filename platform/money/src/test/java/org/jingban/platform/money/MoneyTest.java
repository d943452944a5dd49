package org.jingban.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MoneyTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void an_amount_keeps_two_decimals_and_refuses_a_third() {
        assertThat(Money.parse("12.3")).hasToString("12.30");
        assertThat(Money.parse(" 0 ")).hasToString("0.00");
        assertThat(Money.tryParse("12.345")).isNull();
        assertThat(Money.tryParse("十二元")).isNull();
        assertThat(Money.tryParse("")).isNull();
        assertThatThrownBy(() -> Money.parse("1.005")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_share_is_rounded_half_up_to_the_fen() {
        // 10.05 × 0.5 = 5.025 → 5.03 (HALF_UP), not 5.02 (HALF_EVEN)
        assertThat(Money.parse("10.05").times(new BigDecimal("0.5"))).isEqualTo(Money.parse("5.03"));
        // 333.33 × 0.85 = 283.3305 → 283.33
        assertThat(Money.parse("333.33").times(new BigDecimal("0.85"))).isEqualTo(Money.parse("283.33"));
        assertThat(Money.share(1005, new BigDecimal("0.5"))).isEqualTo(503);
        assertThat(Money.of(new BigDecimal("2.675"))).hasToString("2.68");
    }

    @Test
    void fen_and_yuan_convert_exactly() {
        assertThat(Money.parseFen("1234.50")).isEqualTo(123450L);
        assertThat(Money.format(123450)).isEqualTo("1234.50");
        assertThat(Money.format(-5)).isEqualTo("-0.05");
        assertThat(Money.parse("1.10").plus(Money.parse("2.20")).minus(Money.ofFen(30))).isEqualTo(Money.parse("3.00"));
    }

    @Test
    void capitals_as_the_forms_print_them() {
        assertThat(Money.parse("1234.50").capitals()).isEqualTo("壹仟贰佰叁拾肆元伍角整");
        assertThat(Money.parse("0").capitals()).isEqualTo("零元整");
        assertThat(Money.parse("0.05").capitals()).isEqualTo("伍分");
        assertThat(Money.parse("100.05").capitals()).isEqualTo("壹佰元零伍分");
        assertThat(Money.parse("10005").capitals()).isEqualTo("壹万零伍元整");
        assertThat(Money.parse("120000").capitals()).isEqualTo("壹拾贰万元整");
        assertThat(Money.parse("-3").capitals()).isEqualTo("负叁元整");
    }

    @Test
    void json_is_a_string_with_two_decimals() throws Exception {
        record Payment(Money amount) {
        }
        assertThat(json.writeValueAsString(new Payment(Money.parse("7.5")))).isEqualTo("{\"amount\":\"7.50\"}");
        assertThat(json.readValue("{\"amount\":\"1234.50\"}", Payment.class).amount()).isEqualTo(Money.ofFen(123450));
    }

    @Property(tries = 300, seed = "20261129")
    void fen_round_trips_through_text(@ForAll @LongRange(min = -1_000_000_000_00L, max = 1_000_000_000_00L) long fen) {
        Money m = Money.ofFen(fen);
        assertThat(Money.parse(m.toString()).fen()).isEqualTo(fen);
        assertThat(Money.parseFen(Money.format(fen))).isEqualTo(fen);
    }
}
