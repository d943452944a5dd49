package org.jingban.platform.service.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an operation's documented body example says beyond what its form's schema gives ({@link ExampleBodies}): the
 * values this operation needs where forms are shared between operations or a value depends on another, as
 * {@code "path=value"} — a path like {@code 业务类型} or {@code 票据[0].票据号码}, a value taken as JSON when it reads as
 * JSON ({@code true}/{@code false}, arrays, objects, {@code null} to leave the field out) and as text otherwise —
 * digits too, since codes are digit strings (a number field reads its digits as well):
 * <pre>{@code
 * @BodyExample({"业务类型=普通住院", "入院日期=2026-02-02", "出院日期=2026-02-09"})
 * }</pre>
 * The contract test sends the resulting example, so it must be accepted (no 400).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyExample {

    String[] value();
}
