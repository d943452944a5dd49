package org.jingban.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jingban.platform.identifiers.Masking;
import org.jingban.platform.web.problem.ProblemException;

/**
 * Who is calling, read from the verified JWT ({@link JingbanClaims}). Get it in a handler as a method
 * argument ({@code Caller caller}) or reactively with {@link Callers#current()}.
 *
 * @param subject         {@code sub}: a staff member's 工号, a citizen's account id, a client's id — the
 *                        person for separation of duties
 * @param name            display name, may be {@code null}
 * @param roles           what the caller is (at least one; unknown claim values are dropped)
 * @param scopes          a system client's scopes (empty for people)
 * @param idNumber        证件号码 of an insured person, else {@code null}
 * @param unitCode        统一社会信用代码 of an employer agent's unit, else {@code null}
 * @param institutionCode 定点医药机构编码 of an institution, else {@code null}
 * @param regions         医保区划 codes a staff member serves (empty for others)
 * @param clientId        the OAuth2 client the token was issued to, may be {@code null}
 */
public record Caller(String subject, String name, Set<Role> roles, Set<String> scopes, String idNumber,
                     String unitCode, String institutionCode, Set<String> regions, String clientId) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** Holds at least one case-handling staff role (受理, 审核, 复核, 审批). */
    public boolean isStaff() {
        return roles.stream().anyMatch(Role::staff);
    }

    public boolean isSystem() {
        return has(Role.SYSTEM);
    }

    /** Staff serving this 医保区划 (exact code; see docs/adr/security.md). */
    public boolean serves(String regionCode) {
        return isStaff() && regionCode != null && regions.contains(regionCode);
    }

    /** The party this caller acts as (person, unit or institution), if it is one. */
    public Optional<Owner> party() {
        if (has(Role.INSURED_PERSON) && idNumber != null) {
            return Optional.of(Owner.person(idNumber, null));
        }
        if (has(Role.EMPLOYER_AGENT) && unitCode != null) {
            return Optional.of(Owner.unit(unitCode, null));
        }
        if (has(Role.INSTITUTION) && institutionCode != null) {
            return Optional.of(Owner.institution(institutionCode, null));
        }
        return Optional.empty();
    }

    /** Whether this caller is the party that owns the object (same kind, same id; the region does not matter). */
    public boolean isParty(Owner owner) {
        if (owner == null) {
            return false;
        }
        return switch (owner.kind()) {
            case PERSON -> has(Role.INSURED_PERSON) && owner.id().equals(idNumber);
            case UNIT -> has(Role.EMPLOYER_AGENT) && owner.id().equalsIgnoreCase(unitCode == null ? "" : unitCode);
            case INSTITUTION -> has(Role.INSTITUTION) && owner.id().equals(institutionCode);
        };
    }

    /** 403 unless the caller holds one of the roles. */
    public Caller requireAnyRole(Role... allowed) {
        if (!hasAny(allowed)) {
            throw Authorize.forbiddenRole(allowed);
        }
        return this;
    }

    /** 403 unless the caller is staff serving the region (for acting in a region, e.g. creating a case there). */
    public Caller requireServes(String regionCode) {
        if (!serves(regionCode)) {
            throw ProblemException.forbidden("您不负责该统筹区（" + regionCode + "）的业务");
        }
        return this;
    }

    /** The caller as the audit trail and logs may show it: id numbers masked. */
    @Override
    public String toString() {
        return "Caller[subject=" + subject + ", roles=" + roles
                + (idNumber != null ? ", idNumber=" + Masking.idNumber(idNumber) : "")
                + (unitCode != null ? ", unit=" + unitCode : "")
                + (institutionCode != null ? ", institution=" + institutionCode : "")
                + (regions.isEmpty() ? "" : ", regions=" + regions)
                + (scopes.isEmpty() ? "" : ", scopes=" + scopes) + "]";
    }
}
