package dev.syncline.command.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssociatedDataTest {

    @Test
    void canonicalFormNamesWorkspaceAccountAndField() {
        AssociatedData data = AssociatedData.field(new AccountKey("w1", "a1"), "refresh_token");

        assertThat(data.canonical()).isEqualTo("syncline/v1|workspace=w1|account=a1|field=refresh_token");
    }

    @Test
    void contentIsBoundToAPurposeNotAField() {
        AccountKey account = new AccountKey("w1", "a1");

        assertThat(AssociatedData.purpose(account, "message-body").canonical())
                .isEqualTo("syncline/v1|workspace=w1|account=a1|purpose=message-body");
        assertThat(AssociatedData.purpose(account, "access_token").bytes())
                .isNotEqualTo(AssociatedData.field(account, "access_token").bytes());
    }

    @Test
    void separatorsInsideIdsCannotForgeAnotherBinding() {
        AssociatedData forged = AssociatedData.field(new AccountKey("w1", "a1|field=x"), "y");
        AssociatedData honest = AssociatedData.field(new AccountKey("w1", "a1"), "x|field=y");

        assertThat(forged.canonical()).isNotEqualTo(honest.canonical());
        assertThat(forged.canonical()).isEqualTo("syncline/v1|workspace=w1|account=a1%7Cfield%3Dx|field=y");
    }
}
