package org.jingban.gateway.devtokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jingban.platform.identifiers.ResidentIdNumber;
import org.jingban.platform.identifiers.UnifiedSocialCreditCode;
import org.jingban.platform.security.JingbanClaims;
import org.jingban.platform.security.Role;
import org.jingban.platform.security.SigningKey;
import org.jingban.platform.web.problem.ProblemException;
import org.jingban.platform.web.problem.Violation;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local stack's token issuer (profile {@code local} only, see {@link DevTokenConfiguration}): a
 * newcomer acts as any role with {@code POST /dev/tokens}; the services trust {@code GET /dev/jwks}.
 * The key is generated at start and never leaves memory, so a restart invalidates every dev token.
 */
@RestController
@Profile("local")
@Tag(name = "开发令牌（仅本地）", description = "本地开发环境签发任意角色的访问令牌；生产环境不存在该接口")
public class DevTokenIssuer {

    private final SigningKey key;

    DevTokenIssuer(SigningKey key) {
        this.key = key;
    }

    /**
     * @param roles       role names ({@link Role}); {@code role} is the one-role shorthand
     * @param validMinutes 1–1440, default 480 (a working day)
     */
    public record TokenRequest(String role, List<String> roles, String subject, String name, List<String> regions,
                               String idNumber, String unit, String institution, List<String> scopes,
                               Integer validMinutes) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String subject, Set<Role> roles) {
    }

    @PostMapping(path = "/dev/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "签发开发令牌（仅本地）",
            description = "例：{\"role\":\"CLERK\",\"subject\":\"gh-001\",\"regions\":[\"620600\"]}；"
                    + "参保人需 idNumber，单位经办人需 unit（统一社会信用代码），定点机构需 institution，系统客户端可带 scopes。")
    public TokenResponse issue(@RequestBody TokenRequest request) {
        List<Violation> violations = new ArrayList<>();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> names = new ArrayList<>();
        if (request.role() != null) {
            names.add(request.role());
        }
        if (request.roles() != null) {
            names.addAll(request.roles());
        }
        if (names.isEmpty()) {
            violations.add(Violation.required("role"));
        }
        for (String name : names) {
            Role.parse(name).ifPresentOrElse(roles::add, () -> violations.add(new Violation("role", "unknown-role",
                    "未知角色：" + name + "（可用：" + String.join("、", List.of(names(Role.values()))) + "）")));
        }
        if (roles.contains(Role.INSURED_PERSON) && !ResidentIdNumber.isValid(request.idNumber())) {
            violations.add(new Violation("idNumber", "invalid", "参保人令牌需要有效的公民身份号码"));
        }
        if (roles.contains(Role.EMPLOYER_AGENT) && !UnifiedSocialCreditCode.isValid(request.unit())) {
            violations.add(new Violation("unit", "invalid", "单位经办人令牌需要有效的统一社会信用代码"));
        }
        if (roles.contains(Role.INSTITUTION) && (request.institution() == null || request.institution().isBlank())) {
            violations.add(Violation.required("institution"));
        }
        List<String> regions = request.regions() == null ? List.of() : request.regions();
        if (roles.stream().anyMatch(Role::staff) && regions.isEmpty()) {
            violations.add(new Violation("regions", "required", "经办人员令牌需要至少一个医保区划"));
        }
        for (int i = 0; i < regions.size(); i++) {
            if (regions.get(i) == null || !regions.get(i).matches("\\d{6}")) {
                violations.add(new Violation("regions[" + i + "]", "invalid", "医保区划应为6位数字"));
            }
        }
        int minutes = request.validMinutes() == null ? 480 : request.validMinutes();
        if (minutes < 1 || minutes > 1440) {
            violations.add(new Violation("validMinutes", "range", "有效期须在1至1440分钟之间"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.validation(violations);
        }
        String subject = request.subject() == null || request.subject().isBlank()
                ? "dev-" + UUID.randomUUID().toString().substring(0, 8) : request.subject();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(JingbanClaims.SUBJECT, subject);
        claims.put(JingbanClaims.NAME, request.name());
        claims.put(JingbanClaims.ROLES, roles.stream().map(Role::name).toList());
        claims.put(JingbanClaims.ID_NUMBER, roles.contains(Role.INSURED_PERSON) ? request.idNumber() : null);
        claims.put(JingbanClaims.UNIT, roles.contains(Role.EMPLOYER_AGENT) ? request.unit() : null);
        claims.put(JingbanClaims.INSTITUTION, roles.contains(Role.INSTITUTION) ? request.institution() : null);
        claims.put(JingbanClaims.REGIONS, regions.isEmpty() ? null : regions);
        if (request.scopes() != null && !request.scopes().isEmpty()) {
            claims.put(JingbanClaims.SCOPE, String.join(" ", request.scopes()));
        }
        if (roles.contains(Role.SYSTEM)) {
            claims.put(JingbanClaims.CLIENT_ID, subject);
        }
        String token = key.sign(claims, Duration.ofMinutes(minutes));
        return new TokenResponse(token, "Bearer", minutes * 60L, subject, roles);
    }

    @GetMapping(path = "/dev/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "开发令牌的公钥（JWK Set，仅本地）")
    public Map<String, Object> jwks() {
        return key.publicJwks();
    }

    private static String[] names(Role[] roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }
}
