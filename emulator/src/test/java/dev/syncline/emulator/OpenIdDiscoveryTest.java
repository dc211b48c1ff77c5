package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.syncline.emulator.EmulatedProvider.GOOGLE;
import static dev.syncline.emulator.EmulatedProvider.MICROSOFT;
import static dev.syncline.emulator.OAuthTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** OpenID Connect discovery documents and key sets, at the paths the real providers use. */
class OpenIdDiscoveryTest {

    private static final String TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    @RegisterExtension
    final RunningEmulator emulator = new RunningEmulator();

    @Test
    void googleDiscoveryNamesTheBaseUrlAsIssuerAndTheEmulatorsEndpoints() {
        OAuthEndpoints endpoints = emulator.server().oauthEndpoints(GOOGLE);

        JsonNode document = json(emulator.client().get("/.well-known/openid-configuration", Map.of()));

        assertThat(document.get("issuer").asText()).isEqualTo(emulator.server().baseUrl()).isEqualTo(endpoints.issuer());
        assertThat(document.get("authorization_endpoint").asText()).isEqualTo(endpoints.authorizationUri());
        assertThat(document.get("token_endpoint").asText()).isEqualTo(endpoints.tokenUri());
        assertThat(document.get("userinfo_endpoint").asText()).isEqualTo(endpoints.userInfoUri());
        assertThat(document.get("revocation_endpoint").asText()).isEqualTo(endpoints.revocationUri());
        assertThat(document.get("jwks_uri").asText()).isEqualTo(emulator.server().url("/oauth2/v3/certs"))
                .isEqualTo(endpoints.jwkSetUri());
        assertThat(texts(document.get("id_token_signing_alg_values_supported"))).containsExactly("RS256");
        assertThat(texts(document.get("code_challenge_methods_supported"))).containsExactly("S256");
        assertThat(texts(document.get("subject_types_supported"))).containsExactly("public");
    }

    @Test
    void microsoftCommonDiscoveryPublishesTheIssuerTemplateWithTheTenantPlaceholder() {
        OAuthEndpoints endpoints = emulator.server().oauthEndpoints(MICROSOFT);

        JsonNode document = json(emulator.client().get("/common/v2.0/.well-known/openid-configuration", Map.of()));

        assertThat(document.get("issuer").asText()).isEqualTo(emulator.server().baseUrl() + "/{tenantid}/v2.0")
                .isEqualTo(endpoints.issuer());
        assertThat(document.get("jwks_uri").asText()).isEqualTo(emulator.server().url("/common/discovery/v2.0/keys"))
                .isEqualTo(endpoints.jwkSetUri());
        assertThat(document.get("authorization_endpoint").asText()).isEqualTo(endpoints.authorizationUri());
        assertThat(document.get("token_endpoint").asText()).isEqualTo(endpoints.tokenUri());
        assertThat(document.has("revocation_endpoint")).isFalse();
        assertThat(texts(document.get("claims_supported"))).contains("tid", "oid", "nonce");
    }

    @Test
    void microsoftDiscoveryOfOneTenantPublishesThatTenantsIssuer() {
        JsonNode document = json(emulator.client().get("/" + TENANT_ID + "/v2.0/.well-known/openid-configuration", Map.of()));

        assertThat(document.get("issuer").asText()).isEqualTo(emulator.server().baseUrl() + "/" + TENANT_ID + "/v2.0");
    }

    @Test
    void microsoftDiscoveryOfAnUnknownTenantIsRefused() {
        HttpResponse<String> response = emulator.client().get("/not_a_tenant/v2.0/.well-known/openid-configuration", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("AADSTS90002");
    }

    @Test
    void eachKeySetPublishesOneRsaSigningKeyThatStaysTheSameAcrossAReset() {
        JsonNode google = json(emulator.client().get("/oauth2/v3/certs", Map.of()));
        JsonNode microsoft = json(emulator.client().get("/common/discovery/v2.0/keys", Map.of()));

        emulator.server().control().reset();

        assertThat(google.get("keys")).hasSize(1);
        JsonNode key = google.get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("e").asText()).isEqualTo("AQAB");
        // 2048 bits of modulus are 256 bytes, 342 characters of unpadded base64url.
        assertThat(key.get("n").asText()).hasSize(342);
        assertThat(microsoft.get("keys")).hasSize(1);
        assertThat(microsoft.get("keys").get(0).get("kid").asText()).isNotEqualTo(key.get("kid").asText());
        assertThat(json(emulator.client().get("/oauth2/v3/certs", Map.of()))).isEqualTo(google);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
