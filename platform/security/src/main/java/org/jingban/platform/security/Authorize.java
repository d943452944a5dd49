package org.jingban.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jingban.platform.web.problem.ProblemException;
import reactor.core.publisher.Mono;

/**
 * Object-level authorization, the same everywhere:
 * <ul>
 *   <li>an object is <em>visible</em> to its own party (the person, the unit's agent, the institution),
 *   and to case-handling staff serving its region. A system client sees no one's record through these
 *   helpers: the portal forwards the citizen's own token; an endpoint meant for a system client grants
 *   it by scope ({@link Access#scopes()});</li>
 *   <li>anything else answers <b>404</b>, exactly as if it did not exist (no leak of existence);</li>
 *   <li>a visible object on which the caller's role may not perform the action answers <b>403</b>.</li>
 * </ul>
 * Ops never sees a party's record through these helpers.
 *
 * <pre>{@code
 * return cases.findById(id)
 *         .transform(Authorize.visibleTo(caller, c -> Owner.person(c.applicant().id(), c.regionCode())))
 *         .map(CaseView::of);
 * }</pre>
 */
public final class Authorize {

    private Authorize() {
    }

    /** Whether the caller may see the object at all. */
    public static boolean canSee(Caller caller, Owner owner) {
        if (caller == null || owner == null) {
            return false;
        }
        return caller.isParty(owner) || caller.serves(owner.region());
    }

    /** Whether the caller may see an object with several parties (e.g. a case's applicant and its subject). */
    public static boolean canSeeAny(Caller caller, Collection<Owner> owners) {
        return owners != null && owners.stream().anyMatch(owner -> canSee(caller, owner));
    }

    /** As {@link #visibleTo} for objects with several parties: visible to any of them and to staff of their region. */
    public static <T> Function<Mono<T>, Mono<T>> visibleToAny(Caller caller,
                                                             Function<? super T, Collection<Owner>> ownersOf) {
        return mono -> mono
                .switchIfEmpty(Mono.error(Authorize::notFound))
                .handle((found, sink) -> {
                    if (canSeeAny(caller, ownersOf.apply(found))) {
                        sink.next(found);
                    } else {
                        sink.error(notFound());
                    }
                });
    }

    /** 404 unless the caller may see the object; returns the owner for chaining. */
    public static Owner requireVisible(Caller caller, Owner owner) {
        if (!canSee(caller, owner)) {
            throw notFound();
        }
        return owner;
    }

    /**
     * For an action on an object: 404 if the caller may not see it, 403 if they may see it but hold none
     * of the roles allowed to act (e.g. the applicant trying to accept their own case).
     */
    public static Owner requireAction(Caller caller, Owner owner, Role... allowed) {
        requireVisible(caller, owner);
        if (!caller.hasAny(allowed)) {
            throw forbiddenRole(allowed);
        }
        return owner;
    }

    /**
     * A Reactor operator: an empty result or an object the caller may not see becomes 404.
     * {@code repository.findById(id).transform(Authorize.visibleTo(caller, Case::owner))}.
     */
    public static <T> Function<Mono<T>, Mono<T>> visibleTo(Caller caller, Function<? super T, Owner> ownerOf) {
        return mono -> mono
                .switchIfEmpty(Mono.error(Authorize::notFound))
                .handle((found, sink) -> {
                    if (canSee(caller, ownerOf.apply(found))) {
                        sink.next(found);
                    } else {
                        sink.error(notFound());
                    }
                });
    }

    /** As {@link #visibleTo} and then the role check of {@link #requireAction} (403). */
    public static <T> Function<Mono<T>, Mono<T>> actionableBy(Caller caller, Function<? super T, Owner> ownerOf,
                                                              Role... allowed) {
        return mono -> mono.transform(visibleTo(caller, ownerOf)).handle((found, sink) -> {
            if (caller.hasAny(allowed)) {
                sink.next(found);
            } else {
                sink.error(forbiddenRole(allowed));
            }
        });
    }

    /** The 404 every hidden or missing object answers. */
    public static ProblemException notFound() {
        return ProblemException.notFound("未找到该记录，或您无权查看");
    }

    static ProblemException forbiddenRole(Role... allowed) {
        String labels = Arrays.stream(allowed).map(Role::label).collect(Collectors.joining("、"));
        return ProblemException.forbidden(allowed.length == 0 ? "您无权办理该业务" : "该业务仅限" + labels + "办理");
    }
}
