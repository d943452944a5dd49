package org.jingban.platform.service.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The options a form field accepts, published in the API document as the field's enumeration — taken from the same
 * constant the form's check uses, so the document and the check cannot drift apart:
 * <pre>{@code
 * record ResidentRegistrationForm(@JsonProperty("申请人身份") @OneOf(of = ResidentRegistrationForm.class, field = "IDENTITIES")
 *                                 String applicantIdentity, ...) {
 *     static final List<String> IDENTITIES = List.of("学龄前儿童", ...);
 * }
 * }</pre>
 * The named static field may be a collection or array of strings, a map (its keys), or an enum type's constants (their
 * {@code label()} when they have one, else their names); an enum class may also be given alone ({@code of = Channel.class}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface OneOf {

    /** The class holding the options (or the enum whose constants they are). */
    Class<?> of();

    /** The static field holding them; empty when {@link #of()} is the enum itself. */
    String field() default "";

    /** Enum constants by their names even when they have a {@code label()} (fields that take the constant's name). */
    boolean byName() default false;
}
