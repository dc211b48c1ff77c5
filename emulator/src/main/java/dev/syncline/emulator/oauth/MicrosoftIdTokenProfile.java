package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.OAuthEndpoints;
import dev.syncline.emulator.state.UserIds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Microsoft's v2.0 ID tokens from the multi-tenant endpoints: each carries its user's tenant as {@code tid}
 * and that tenant's issuer as {@code iss}, so a relying party must check one against the other.
 */
final class MicrosoftIdTokenProfile implements IdTokenProfile {

    /** The tenant whose issuer a {@code WRONG_ISSUER} token claims: real-looking, but never the user's. */
    static final String FOREIGN_TENANT_DOMAIN = "foreign-tenant.invalid";

    private final OAuthEndpoints endpoints;

    MicrosoftIdTokenProfile(OAuthEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public String issuer(EmulatedUser user) {
        return endpoints.issuerOfTenant(UserIds.microsoftTenantId(user.email()));
    }

    @Override
    public String foreignIssuer(EmulatedUser user) {
        return endpoints.issuerOfTenant(UserIds.microsoftTenantIdOfDomain(FOREIGN_TENANT_DOMAIN));
    }

    @Override
    public Map<String, Object> userClaims(EmulatedUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", UserIds.microsoftSubject(user.email()));
        claims.put("oid", UserIds.microsoftObjectId(user.email()));
        claims.put("tid", UserIds.microsoftTenantId(user.email()));
        claims.put("email", user.email());
        // Entra itself sends no email_verified (its email claim is unverified); the emulator's users are all verified.
        claims.put("email_verified", true);
        claims.put("name", user.name());
        claims.put("preferred_username", user.email());
        claims.put("ver", "2.0");
        return claims;
    }
}
