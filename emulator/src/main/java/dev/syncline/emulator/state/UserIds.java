package dev.syncline.emulator.state;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Stable identifiers derived from the email, so a user keeps the same ids across restarts and a
 * reset, as a real account does. The shapes follow the providers: Google's {@code sub} is a
 * 21-digit number; Microsoft's object id is a GUID and its OIDC {@code sub} is a different,
 * pairwise string (clients must not confuse the two). A Microsoft user's tenant follows from the
 * domain of their email, so colleagues share a tenant as they would in Entra ID.
 */
public final class UserIds {

    private UserIds() {
    }

    public static String googleSubject(String email) {
        BigInteger number = new BigInteger(1, Arrays.copyOf(sha256("google:" + email), 10));
        String digits = String.format("%020d", number.mod(BigInteger.TEN.pow(20)));
        return "1" + digits;
    }

    public static String microsoftObjectId(String email) {
        return UUID.nameUUIDFromBytes(("microsoft-oid:" + email).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The Entra tenant ({@code tid}) of the user: one per email domain. */
    public static String microsoftTenantId(String email) {
        return microsoftTenantIdOfDomain(email.substring(email.indexOf('@') + 1));
    }

    /** The tenant id behind a verified domain, e.g. {@code contoso.example}, as a tenant path segment may name it. */
    public static String microsoftTenantIdOfDomain(String domain) {
        return UUID.nameUUIDFromBytes(("microsoft-tid:" + domain.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String microsoftSubject(String email) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("microsoft-sub:" + email));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
