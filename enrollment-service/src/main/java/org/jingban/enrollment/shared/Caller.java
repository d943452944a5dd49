package org.jingban.enrollment.shared;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.jingban.platform.cases.ActorRole;
import org.jingban.platform.cases.CaseActor;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who calls an endpoint. Until platform/security lands this is read from headers in exactly one place
 * ({@link #of(ServerWebExchange)}); every handler asks here, so adopting the JWT caller model changes only this file.
 *
 * @param role    CITIZEN, EMPLOYER, CLERK, REVIEWER, FINANCE, DIRECTOR, SYSTEM
 * @param regions the 医保区划 a staff member serves
 */
public record Caller(String id, String name, String role, Set<String> regions) {

    public static final String ID_HEADER = "X-Jingban-Caller-Id";
    public static final String ROLE_HEADER = "X-Jingban-Caller-Role";
    public static final String REGIONS_HEADER = "X-Jingban-Caller-Regions";

    public static final Caller SYSTEM = new Caller("system", "系统", "SYSTEM", Set.of());

    /** The caller of a request; without headers the system (no authentication exists yet). */
    public static Caller of(ServerWebExchange exchange) {
        var headers = exchange.getRequest().getHeaders();
        String id = headers.getFirst(ID_HEADER);
        String role = headers.getFirst(ROLE_HEADER);
        if (id == null || role == null) {
            return SYSTEM;
        }
        String regions = headers.getFirst(REGIONS_HEADER);
        return new Caller(id, id, role.trim().toUpperCase(), regions == null ? Set.of()
                : Arrays.stream(regions.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
    }

    public boolean staff() {
        return switch (role) {
            case "CLERK", "REVIEWER", "FINANCE", "DIRECTOR" -> true;
            default -> false;
        };
    }

    /** As a case actor: staff in their role, applicants as themselves (null: the applicant of the case). */
    public CaseActor actor() {
        return switch (role) {
            case "CLERK" -> new CaseActor(id, name, ActorRole.CLERK, regions);
            case "REVIEWER" -> new CaseActor(id, name, ActorRole.REVIEWER, regions);
            case "FINANCE" -> new CaseActor(id, name, ActorRole.FINANCE, regions);
            case "DIRECTOR" -> new CaseActor(id, name, ActorRole.DIRECTOR, regions);
            case "SYSTEM" -> CaseActor.SYSTEM;
            default -> null;
        };
    }
}
