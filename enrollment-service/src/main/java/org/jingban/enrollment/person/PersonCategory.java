package org.jingban.enrollment.person;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.data.mongodb.core.convert.MongoConversionContext;
import org.springframework.data.mongodb.core.convert.MongoValueConverter;

/**
 * 人员类别 of an insurance: 在职职工 and 灵活就业人员 (表2), 退休人员 (after 在职转退休), 城乡居民 (表3). JSON, events
 * and the stored document carry the Chinese label.
 */
public enum PersonCategory {
    IN_SERVICE("在职职工"),
    FLEXIBLE("灵活就业人员"),
    RETIRED("退休人员"),
    RESIDENT("城乡居民");

    private final String label;

    PersonCategory(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public static Optional<PersonCategory> find(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }

    @JsonCreator
    public static PersonCategory of(String label) {
        return find(label).orElseThrow(() -> new IllegalArgumentException("未知的人员类别：" + label));
    }

    /** Stores the label, as documents written before this enum existed hold it. */
    public static final class Stored implements MongoValueConverter<PersonCategory, String> {

        @Override
        public PersonCategory read(String value, MongoConversionContext context) {
            return value == null ? null : of(value);
        }

        @Override
        public String write(PersonCategory value, MongoConversionContext context) {
            return value == null ? null : value.label;
        }
    }
}
