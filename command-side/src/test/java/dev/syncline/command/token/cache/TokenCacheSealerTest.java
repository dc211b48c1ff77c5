package dev.syncline.command.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.AesGcm;
import dev.syncline.command.vault.KeyRing;
import dev.syncline.messages.account.Provider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenCacheSealerTest {

    private static final AccountKey ALICE = new AccountKey("workspace-1", "account-alice");
    private static final AccountKey BOB = new AccountKey("workspace-1", "account-bob");
    private static final String ACCESS_TOKEN = "ya29.CANARY-sealed-4d21";
    private static final Instant EXPIRES_AT = Instant.parse("2026-03-01T10:00:00Z");

    private final KeyRing keyRing = KeyRing.generate();
    private final TokenCacheSealer sealer = new TokenCacheSealer(keyRing, new AesGcm());

    @Test
    void aSealedTokenOpensForItsOwnAccountAndProvider() {
        byte[] sealed = sealer.seal(ALICE, Provider.GOOGLE, ACCESS_TOKEN, EXPIRES_AT);

        assertThat(sealer.open(ALICE, Provider.GOOGLE, sealed))
                .contains(new TokenCacheSealer.Opened(ACCESS_TOKEN, EXPIRES_AT));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(ACCESS_TOKEN);
    }

    @Test
    void aSealedTokenDoesNotOpenForAnotherAccountOrProvider() {
        byte[] sealed = sealer.seal(ALICE, Provider.GOOGLE, ACCESS_TOKEN, EXPIRES_AT);

        assertThat(sealer.open(BOB, Provider.GOOGLE, sealed)).isEmpty();
        assertThat(sealer.open(ALICE, Provider.MICROSOFT, sealed)).isEmpty();
    }

    @Test
    void anAlteredOrMalformedValueIsEmptyNotAnError() {
        byte[] sealed = sealer.seal(ALICE, Provider.GOOGLE, ACCESS_TOKEN, EXPIRES_AT);
        sealed[sealed.length - 1] ^= 1;

        assertThat(sealer.open(ALICE, Provider.GOOGLE, sealed)).isEmpty();
        assertThat(sealer.open(ALICE, Provider.GOOGLE, "garbage".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aValueSealedBeforeAKeyRotationStillOpensWhileTheRingHoldsItsKey() {
        byte[] sealed = sealer.seal(ALICE, Provider.GOOGLE, ACCESS_TOKEN, EXPIRES_AT);

        TokenCacheSealer afterRotation = new TokenCacheSealer(keyRing.rotate(), new AesGcm());

        assertThat(afterRotation.open(ALICE, Provider.GOOGLE, sealed)).isPresent();
    }

    @Test
    void aValueSealedUnderARetiredKeyIsEmpty() {
        byte[] sealed = sealer.seal(ALICE, Provider.GOOGLE, ACCESS_TOKEN, EXPIRES_AT);
        KeyRing otherRing = KeyRing.generate();

        TokenCacheSealer withoutTheKey = new TokenCacheSealer(
                new KeyRing(Map.of("k2", otherRing.activeKey()), "k2", otherRing.fingerprintKey()), new AesGcm());

        assertThat(withoutTheKey.open(ALICE, Provider.GOOGLE, sealed)).isEmpty();
    }

    @Test
    void anOpenedTokenHidesItselfInItsStringForm() {
        assertThat(new TokenCacheSealer.Opened(ACCESS_TOKEN, EXPIRES_AT).toString()).doesNotContain(ACCESS_TOKEN);
    }
}
