package org.jingban.platform.security.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jingban.platform.security.JingbanClaims;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.SigningKey;
import org.jingban.platform.security.TrustedJwtKey;

/**
 * Signed tokens for tests, for any role, subject and regions. The key is generated once per test JVM
 * and trusted by every Spring test context automatically ({@link TestTokensContextCustomizerFactory},
 * registered for the Spring TestContext framework only — a running application never trusts it).
 *
 * <pre>{@code
 * http.get().uri("/api/v1/enrollment/persons/{id}", id)
 *     .headers(h -> h.setBearerAuth(TestTokens.clerk("clerk-1", "620600")))
 *     .exchange().expectStatus().isOk();
 * }</pre>
 */
public final class TestTokens {

    /** The issuer written into test tokens. */
    public static final String ISSUER = "urn:jingban:test-issuer";

    private static final class Key {
        static final SigningKey INSTANCE = new SigningKey("jingban-test-" + UUID.randomUUID(), ISSUER);
    }

    private TestTokens() {
    }

    /** The public half of the test key, as the test context trusts it. */
    public static TrustedJwtKey trustedKey() {
        return Key.INSTANCE.trusted();
    }

    /** An insured person (参保人) by 证件号码. */
    public static String insuredPerson(String idNumber) {
        return as(Role.INSURED_PERSON).subject("citizen-" + Integer.toHexString(idNumber.hashCode())).idNumber(idNumber).token();
    }

    /** An employer agent (单位经办人) of the unit with this 统一社会信用代码. */
    public static String employerAgent(String unitCode) {
        return as(Role.EMPLOYER_AGENT).subject("agent-" + unitCode).unit(unitCode).token();
    }

    /** A designated institution (定点医药机构). */
    public static String institution(String institutionCode) {
        return as(Role.INSTITUTION).subject("inst-" + institutionCode).institution(institutionCode).token();
    }

    /** A staff member with one role, serving these regions. */
    public static String staff(Role role, String subject, String... regions) {
        return as(role).subject(subject).regions(regions).token();
    }

    public static String clerk(String subject, String... regions) {
        return staff(Role.CLERK, subject, regions);
    }

    public static String reviewer(String subject, String... regions) {
        return staff(Role.REVIEWER, subject, regions);
    }

    public static String finance(String subject, String... regions) {
        return staff(Role.FINANCE, subject, regions);
    }

    public static String director(String subject, String... regions) {
        return staff(Role.DIRECTOR, subject, regions);
    }

    public static String ops(String subject) {
        return as(Role.OPS).subject(subject).token();
    }

    /** A system client (portal, mini program) with these scopes. */
    public static String system(String clientId, String... scopes) {
        return as(Role.SYSTEM).subject(clientId).clientId(clientId).scopes(scopes).token();
    }

    /** A well-formed token signed by a key nobody trusts: must get 401. */
    public static String untrusted(Role role) {
        SigningKey stranger = new SigningKey("stranger", ISSUER);
        return stranger.sign(Map.of(JingbanClaims.SUBJECT, "stranger", JingbanClaims.ROLES, List.of(role.name())),
                Duration.ofMinutes(5));
    }

    /** A token with the roles and whatever claims the builder is given. */
    public static Builder as(Role... roles) {
        return new Builder(roles);
    }

    /** Builds one token. */
    public static final class Builder {
        private final Set<Role> roles = new LinkedHashSet<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String subject = "test-user";
        private Duration validFor = Duration.ofHours(1);

        private Builder(Role... roles) {
            this.roles.addAll(Arrays.asList(roles));
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder name(String name) {
            return claim(JingbanClaims.NAME, name);
        }

        public Builder idNumber(String idNumber) {
            return claim(JingbanClaims.ID_NUMBER, idNumber);
        }

        public Builder unit(String unitCode) {
            return claim(JingbanClaims.UNIT, unitCode);
        }

        public Builder institution(String institutionCode) {
            return claim(JingbanClaims.INSTITUTION, institutionCode);
        }

        public Builder regions(String... regions) {
            return claim(JingbanClaims.REGIONS, List.of(regions));
        }

        public Builder scopes(String... scopes) {
            return claim(JingbanClaims.SCOPE, String.join(" ", scopes));
        }

        public Builder clientId(String clientId) {
            return claim(JingbanClaims.CLIENT_ID, clientId);
        }

        /** Any other claim (or a wrong value of a known one, to test refusals). */
        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /** Validity from now; negative for an already expired token. */
        public Builder validFor(Duration validFor) {
            this.validFor = validFor;
            return this;
        }

        /** The signed token (no {@code Bearer } prefix: use {@code headers.setBearerAuth(token)}). */
        public String token() {
            Map<String, Object> all = new LinkedHashMap<>(claims);
            all.put(JingbanClaims.SUBJECT, subject);
            List<String> names = new ArrayList<>();
            roles.forEach(role -> names.add(role.name()));
            all.put(JingbanClaims.ROLES, names);
            return Key.INSTANCE.sign(all, validFor);
        }
    }
}
