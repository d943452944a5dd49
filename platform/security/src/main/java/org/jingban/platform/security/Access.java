package org.jingban.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint, on a handler method (or its class). Enforced before the handler runs
 * (403 for a caller holding none of the roles, 401 without a token), and published in the API document
 * as {@code x-jingban-access} so the authorization-matrix test covers the operation without a new test.
 *
 * <pre>{@code
 * @Access(value = {Role.INSURED_PERSON, Role.CLERK}, object = ObjectOwner.PATH)
 * @GetMapping("/cases/{id}")
 * Mono<CaseView> one(@PathVariable String id, Caller caller) { ... Authorize.visibleTo(caller, ...) ... }
 * }</pre>
 *
 * The annotation checks roles only; whether the object in the path is the caller's is the handler's
 * business ({@link Authorize}), because only it can load the object.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Access {

    /** Roles that may call; a caller holding any of them passes. {@link Role#SYSTEM} admits any system client. */
    Role[] value() default {};

    /** Scopes that admit a system client (any one suffices), in addition to {@link #value()}. */
    String[] scopes() default {};

    /** How the object the operation addresses relates to callers; drives the matrix test. */
    ObjectOwner object() default ObjectOwner.NONE;

    /** The relation of the addressed object to its parties, as the matrix test should probe it. */
    enum ObjectOwner {
        /** No particular object (a search, a create, a public list): role check only. */
        NONE,
        /**
         * The path addresses one party's object (e.g. {@code /cases/{id}}): another citizen, unit or
         * institution and staff of another region get 404; its own party and staff of its region get through.
         */
        PATH
    }
}
