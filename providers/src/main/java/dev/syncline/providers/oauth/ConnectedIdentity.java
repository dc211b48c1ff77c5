package dev.syncline.providers.oauth;

import dev.syncline.messages.account.IssuedTokens;

/** What a completed authorization-code flow yields: the tokens and who they belong to at the provider. */
public record ConnectedIdentity(IssuedTokens tokens, String providerUserId, String email, String name) {
}
