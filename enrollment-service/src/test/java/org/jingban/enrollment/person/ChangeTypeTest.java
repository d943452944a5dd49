package org.jingban.enrollment.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.jingban.platform.messaging.EventJson;
import org.junit.jupiter.api.Test;

/** 变更类别 and 人员类别 are enums to the rules and their Chinese labels to everyone else. */
class ChangeTypeTest {

    record Row(ChangeType changeType, PersonCategory category) {
    }

    @Test
    void json_carries_the_labels_of_the_forms_both_ways() {
        String json = EventJson.write(new Row(ChangeType.RETIRE, PersonCategory.FLEXIBLE));
        assertThat(EventJson.read(json, Map.class)).isEqualTo(Map.of("changeType", "在职转退休", "category", "灵活就业人员"));
        assertThat(EventJson.read("{\"changeType\":\"统筹地区内转移\",\"category\":\"退休人员\"}", Row.class))
                .isEqualTo(new Row(ChangeType.MOVE_WITHIN_POOL, PersonCategory.RETIRED));
    }

    @Test
    void an_unknown_label_is_not_an_option_of_the_form() {
        assertThat(ChangeType.find("调出")).isEmpty();
        assertThat(ChangeType.labels()).isEqualTo("增加、中断、终止、恢复、在职转退休、统筹地区内转移");
        assertThatThrownBy(() -> ChangeType.of("调出")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PersonCategory.find("在职职工")).contains(PersonCategory.IN_SERVICE);
    }
}
