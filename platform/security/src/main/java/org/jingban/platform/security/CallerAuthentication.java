package org.jingban.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * The authentication of a request bearing a valid Jingban JWT: the principal is the {@link Caller}
 * (so {@code @AuthenticationPrincipal Caller caller} works too), the authorities are {@code ROLE_<role>}
 * and {@code SCOPE_<scope>}, the name is the subject.
 */
public class CallerAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final Caller caller;

    public CallerAuthentication(Jwt jwt, Caller caller) {
        super(jwt, caller, jwt, authorities(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return caller.subject();
    }

    private static Collection<GrantedAuthority> authorities(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        caller.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return authorities;
    }
}
