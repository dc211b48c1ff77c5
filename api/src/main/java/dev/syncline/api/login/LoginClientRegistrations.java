package dev.syncline.api.login;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The login client registrations ({@code google}, {@code microsoft}) that have a client id. Unlike Spring's
 * in-memory repository it may be empty: a deployment without OIDC clients simply offers no such login.
 */
public final class LoginClientRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    private final Map<String, ClientRegistration> byId = new LinkedHashMap<>();

    public LoginClientRegistrations(List<ClientRegistration> registrations) {
        registrations.forEach(registration -> byId.put(registration.getRegistrationId(), registration));
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return registrationId == null ? null : byId.get(registrationId);
    }

    public Set<String> registrationIds() {
        return byId.keySet();
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        return List.copyOf(byId.values()).iterator();
    }
}
