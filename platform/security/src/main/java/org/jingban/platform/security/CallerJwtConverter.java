package org.jingban.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import reactor.core.publisher.Mono;

/**
 * Turns a verified JWT into a {@link CallerAuthentication}. A token whose claims contradict its roles
 * (a citizen without a valid 证件号码, an agent without a valid 统一社会信用代码, no known role at all)
 * is refused as an invalid token (401): it would otherwise be a caller who owns nothing and whose
 * mistakes show up far from their cause.
 */
public class CallerJwtConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> new CallerAuthentication(jwt, callerOf(jwt)));
    }

    /** The caller a token describes; {@link InvalidBearerTokenException} if its claims do not fit together. */
    public static Caller callerOf(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("token has no subject");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(jwt.getClaim(JingbanClaims.ROLES))) {
            Role.parse(value).ifPresent(roles::add);
        }
        Set<String> scopes = new LinkedHashSet<>();
        Object scopeClaim = jwt.getClaim(JingbanClaims.SCOPE);
        if (scopeClaim instanceof String s) {
            for (String part : s.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    scopes.add(part);
                }
            }
        } else {
            scopes.addAll(strings(scopeClaim));
        }
        if (roles.isEmpty()) {
            throw new InvalidBearerTokenException("token carries no known role");
        }
        String idNumber = jwt.getClaimAsString(JingbanClaims.ID_NUMBER);
        if (roles.contains(Role.INSURED_PERSON) && (idNumber == null || !ResidentIdNumber.isValid(idNumber))) {
            throw new InvalidBearerTokenException("insured person without a valid id_number");
        }
        String unit = jwt.getClaimAsString(JingbanClaims.UNIT);
        if (roles.contains(Role.EMPLOYER_AGENT) && (unit == null || !UnifiedSocialCreditCode.isValid(unit))) {
            throw new InvalidBearerTokenException("employer agent without a valid uscc");
        }
        String institution = jwt.getClaimAsString(JingbanClaims.INSTITUTION);
        if (roles.contains(Role.INSTITUTION) && (institution == null || institution.isBlank())) {
            throw new InvalidBearerTokenException("institution without institution_code");
        }
        Set<String> regions = new LinkedHashSet<>();
        for (String region : strings(jwt.getClaim(JingbanClaims.REGIONS))) {
            if (!region.matches("\\d{6}")) {
                throw new InvalidBearerTokenException("region codes are 6 digits");
            }
            regions.add(region);
        }
        String clientId = jwt.getClaimAsString(JingbanClaims.CLIENT_ID);
        if (clientId == null) {
            clientId = jwt.getClaimAsString("azp");
        }
        return new Caller(subject, jwt.getClaimAsString(JingbanClaims.NAME), roles, scopes,
                roles.contains(Role.INSURED_PERSON) ? idNumber : null,
                roles.contains(Role.EMPLOYER_AGENT) ? unit.toUpperCase(Locale.ROOT) : null,
                roles.contains(Role.INSTITUTION) ? institution : null,
                regions, clientId);
    }

    private static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(v -> {
                if (v != null) {
                    values.add(v.toString());
                }
            });
        } else if (claim instanceof String s && !s.isBlank()) {
            values.add(s);
        }
        return values;
    }
}
