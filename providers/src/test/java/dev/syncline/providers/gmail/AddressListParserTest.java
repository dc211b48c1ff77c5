package dev.syncline.providers.gmail;

import dev.syncline.messages.sync.EmailAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressListParserTest {

    @Test
    void aBareAddressHasNoName() {
        assertThat(AddressListParser.parse("ada@example.com")).containsExactly(new EmailAddress(null, "ada@example.com"));
    }

    @Test
    void aDisplayNameIsKeptBesideTheAddress() {
        assertThat(AddressListParser.parse("Ada Lovelace <ada@example.com>, Grace Hopper <grace@example.org>"))
                .containsExactly(new EmailAddress("Ada Lovelace", "ada@example.com"),
                        new EmailAddress("Grace Hopper", "grace@example.org"));
    }

    @Test
    void aQuotedNameMayHoldCommasAndEscapedQuotes() {
        assertThat(AddressListParser.parse("\"Lovelace, Ada\" <ada@example.com>, \"The \\\"Admiral\\\"\" <grace@example.org>"))
                .containsExactly(new EmailAddress("Lovelace, Ada", "ada@example.com"),
                        new EmailAddress("The \"Admiral\"", "grace@example.org"));
    }

    @Test
    void aCommentNamesThePersonInTheOldForm() {
        assertThat(AddressListParser.parse("ada@example.com (Ada Lovelace)"))
                .containsExactly(new EmailAddress("Ada Lovelace", "ada@example.com"));
    }

    @Test
    void aGroupListsItsMembers() {
        assertThat(AddressListParser.parse("Engines: ada@example.com, Charles <charles@example.com>;, grace@example.org"))
                .containsExactly(new EmailAddress(null, "ada@example.com"), new EmailAddress("Charles", "charles@example.com"),
                        new EmailAddress(null, "grace@example.org"));
    }

    @Test
    void anEmptyGroupListsNobody() {
        assertThat(AddressListParser.parse("undisclosed-recipients:;")).isEmpty();
    }

    @Test
    void anEncodedNameIsDecoded() {
        assertThat(AddressListParser.parse("=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <juergen@example.de>"))
                .containsExactly(new EmailAddress("Jürgen Müller", "juergen@example.de"));
    }

    @Test
    void anObsoleteRouteIsDropped() {
        assertThat(AddressListParser.parse("Ada <@relay.example:ada@example.com>"))
                .containsExactly(new EmailAddress("Ada", "ada@example.com"));
    }

    @Test
    void whatIsNoAddressIsSkipped() {
        assertThat(AddressListParser.parse("not an address, ada@example.com")).containsExactly(new EmailAddress(null, "ada@example.com"));
        assertThat(AddressListParser.parse(null)).isEmpty();
        assertThat(AddressListParser.parse("  ")).isEmpty();
    }
}
