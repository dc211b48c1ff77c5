package dev.syncline.api.login;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The issuer check for Microsoft's multi-tenant endpoints, whose discovery document publishes the issuer
 * {@code https://login.microsoftonline.com/{tenantid}/v2.0}: a token's {@code iss} must be exactly that
 * template with the token's own {@code tid} in place, and a token without {@code tid} is refused. So a
 * token of one tenant cannot pass for another's, and nothing but Microsoft's issuer passes at all.
 */
final class TenantIssuerValidator implements OAuth2TokenValidator<Jwt> {

    static final String TENANT_ID_PLACEHOLDER = "{tenantid}";
    private static final String TENANT_ID_CLAIM = "tid";

    private final String issuerTemplate;

    TenantIssuerValidator(String issuerTemplate) {
        if (issuerTemplate == null || !issuerTemplate.contains(TENANT_ID_PLACEHOLDER)) {
            throw new IllegalArgumentException("A tenant issuer template must contain " + TENANT_ID_PLACEHOLDER);
        }
        this.issuerTemplate = issuerTemplate;
    }

    static boolean isTemplate(String issuer) {
        return issuer != null && issuer.contains(TENANT_ID_PLACEHOLDER);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String tenantId = token.getClaimAsString(TENANT_ID_CLAIM);
        // A tenant id is a GUID; anything else could smuggle path segments into the expected issuer.
        if (tenantId == null || !tenantId.matches("[0-9a-fA-F-]{36}")) {
            return failure("The ID token names no tenant (tid).");
        }
        String expected = issuerTemplate.replace(TENANT_ID_PLACEHOLDER, tenantId);
        String issuer = token.getClaimAsString("iss");
        if (!expected.equals(issuer)) {
            return failure("The ID token's issuer is not the issuer of its tenant.");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_id_token", description, null));
    }
}
