package dev.syncline.command.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.StoredAccount;
import dev.syncline.messages.account.AccessTokenRefreshedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.RefreshTrigger;
import dev.syncline.messages.account.TokensIssuedEvent;
import dev.syncline.messages.account.ValidAccessToken;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Set;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write-through handler inside Axon units of work, on a real vault. */
class TokenCacheWriteThroughTest {

    private static final String ACCESS_TOKEN = "ya29.CANARY-write-through-9f2a";
    private static final String REFRESHED_ACCESS_TOKEN = "ya29.CANARY-refreshed-3b7e";

    private CacheTestBed bed;
    private AccessTokenCache cache;
    private TokenCacheWriteThrough writeThrough;
    private AccountKey account;
    private StoredAccount stored;

    @BeforeEach
    void createBed() {
        bed = new CacheTestBed("TokenCacheWriteThroughTest");
        cache = bed.inProcessCache(new SimpleMeterRegistry());
        writeThrough = new TokenCacheWriteThrough(bed.vault, cache, new KnownAccounts(bed.vault, 100));
        account = bed.newAccount();
        stored = new StoredAccount(account, Provider.GOOGLE.id());
    }

    @AfterEach
    void closeBed() throws Exception {
        bed.close();
    }

    @Test
    void issuedTokensReachTheCacheWhenTheCommandCommits() {
        Instant expiresAt = bed.storeToken(account, ACCESS_TOKEN);
        TokensIssuedEvent event = new TokensIssuedEvent(account.accountId(), "fp", "fp", expiresAt, Set.of());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(event));

        writeThrough.on(event);

        assertThat(cache.find(stored)).as("before the commit").isEmpty();
        unitOfWork.commit();
        assertThat(cache.find(stored)).contains(new ValidAccessToken(account.accountId(), Provider.GOOGLE, ACCESS_TOKEN, expiresAt));
    }

    @Test
    void aRefreshRolledBackLeavesTheCacheAlone() {
        Instant expiresAt = bed.storeToken(account, ACCESS_TOKEN);
        cache.write(account, new ValidAccessToken(account.accountId(), Provider.GOOGLE, ACCESS_TOKEN, expiresAt));
        Instant refreshedExpiry = bed.storeToken(account, REFRESHED_ACCESS_TOKEN);
        AccessTokenRefreshedEvent event = new AccessTokenRefreshedEvent(account.accountId(), "fp", refreshedExpiry, false,
                "fp", Set.of(), RefreshTrigger.EXPIRING);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(event));

        writeThrough.on(event);
        unitOfWork.rollback();

        assertThat(cache.find(stored)).get().extracting(ValidAccessToken::accessToken).isEqualTo(ACCESS_TOKEN);
    }

    @Test
    void aRequiredReauthorizationEvictsTheTokenWhenItCommits() {
        Instant expiresAt = bed.storeToken(account, ACCESS_TOKEN);
        cache.write(account, new ValidAccessToken(account.accountId(), Provider.GOOGLE, ACCESS_TOKEN, expiresAt));
        ReauthorizationRequiredEvent event = new ReauthorizationRequiredEvent(account.accountId(), "Google refused the grant");
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(event));

        writeThrough.on(event);

        assertThat(cache.find(stored)).as("before the commit").isPresent();
        unitOfWork.commit();
        assertThat(cache.find(stored)).isEmpty();
    }

    @Test
    void aDisconnectEvictsTheTokenOnceTheVaultRowIsGone() {
        Instant expiresAt = bed.storeToken(account, ACCESS_TOKEN);
        cache.write(account, new ValidAccessToken(account.accountId(), Provider.GOOGLE, ACCESS_TOKEN, expiresAt));
        bed.vault.shred(account);
        AccountDisconnectedEvent event = new AccountDisconnectedEvent(account.accountId(), account.workspaceId());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(event));

        writeThrough.on(event);
        unitOfWork.commit();

        assertThat(cache.find(stored)).isEmpty();
    }
}
