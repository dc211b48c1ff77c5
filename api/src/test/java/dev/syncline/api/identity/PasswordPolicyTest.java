package dev.syncline.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final String EMAIL = "Ada.Lovelace@example.com";

    @Test
    void longPassphraseOfOneCharacterClassIsAccepted() {
        assertThat(PasswordPolicy.check("correcthorsebatterystaple", EMAIL, null)).isEmpty();
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        assertThat(PasswordPolicy.check("😀🐙🌍🚀🎲🧩🪐🦊🍀🎈🔑🧭", EMAIL, null)).isEmpty();
        assertThat(PasswordPolicy.check("😀🐙🌍🚀🎲🧩", EMAIL, null)).contains("must be between 12 and 128 characters long");
    }

    @Test
    void tooShortAndTooLongPasswordsAreRejected() {
        assertThat(PasswordPolicy.check("short-pass1", EMAIL, null)).contains("must be between 12 and 128 characters long");
        assertThat(PasswordPolicy.check("x1".repeat(65), EMAIL, null)).contains("must be between 12 and 128 characters long");
        assertThat(PasswordPolicy.check("x1".repeat(64), EMAIL, null)).isEmpty();
    }

    @Test
    void repeatedCharacterAndPlainSequencesAreRejected() {
        assertThat(PasswordPolicy.check("aaaaaaaaaaaaaa", EMAIL, null)).contains("must not be one repeated character or a simple sequence");
        assertThat(PasswordPolicy.check("abcdefghijklmn", EMAIL, null)).isPresent();
        assertThat(PasswordPolicy.check("987654321098", EMAIL, null)).isEmpty();
        assertThat(PasswordPolicy.check("3456789:;<=>?@", EMAIL, null)).isPresent();
    }

    @Test
    void theEmailItselfIsNoPassword() {
        assertThat(PasswordPolicy.check("ada.lovelace@EXAMPLE.com", EMAIL, null)).contains("must not be your email address or name");
        assertThat(PasswordPolicy.check("ada.lovelace", "ada.lovelace@example.com", null)).isPresent();
        assertThat(PasswordPolicy.check("Countess of Lovelace", EMAIL, "countess of lovelace")).isPresent();
    }

    @Test
    void messagesNeverRepeatThePassword() {
        String password = "aaaaaaaaaaaaaaaa";

        assertThat(PasswordPolicy.check(password, EMAIL, null)).hasValueSatisfying(message -> assertThat(message).doesNotContain(password));
    }
}
