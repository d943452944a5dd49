package org.jingban.platform.cases;

import java.util.Objects;
import java.util.Set;

/**
 * Who acts on a case: a person (by id, since separation of duties is about persons, not roles),
 * their role and the region codes (医保区划) they serve. {@code SYSTEM} serves every region.
 */
public record CaseActor(String id, String name, ActorRole role, Set<String> regions) {

    public static final CaseActor SYSTEM = new CaseActor("system", "系统", ActorRole.SYSTEM, Set.of());

    public CaseActor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }

    public static CaseActor staff(String id, String name, ActorRole role, String... regions) {
        return new CaseActor(id, name, role, Set.of(regions));
    }

    public static CaseActor applicant(Party party) {
        return new CaseActor(party.id(), party.name(), ActorRole.APPLICANT, Set.of());
    }

    public boolean serves(String regionCode) {
        return role == ActorRole.SYSTEM || regions.contains(regionCode);
    }

    @Override
    public String toString() {
        // applicants' ids are ID numbers: never print them whole
        return "CaseActor[id=" + (role == ActorRole.APPLICANT ? Party.mask(id) : id) + ", role=" + role + "]";
    }
}
