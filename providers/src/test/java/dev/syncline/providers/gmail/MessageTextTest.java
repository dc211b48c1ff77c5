package dev.syncline.providers.gmail;

import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartBody;
import com.google.api.services.gmail.model.MessagePartHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTextTest {

    @Test
    void thePlainTextPartIsTheBody() {
        MessagePart payload = multipart("multipart/alternative",
                text("text/plain", "Hello Ada", StandardCharsets.UTF_8), text("text/html", "<p>Hello <b>Ada</b></p>", StandardCharsets.UTF_8));

        assertThat(MessageText.of(payload, 100)).isEqualTo(new MessageText.Body("Hello Ada", false));
    }

    @Test
    void htmlAloneIsStrippedToText() {
        MessagePart payload = multipart("multipart/mixed", text("text/html",
                "<html><head><style>p{color:red}</style></head><body><p>Dear&nbsp;Ada,</p><p>Tom &amp; Jerry<br>say hi</p>"
                        + "<script>alert(1)</script></body></html>", StandardCharsets.UTF_8));

        assertThat(MessageText.of(payload, 100).text()).isEqualTo("Dear Ada,\nTom & Jerry\nsay hi");
    }

    @Test
    void theCharsetOfThePartDecidesTheDecoding() {
        MessagePart payload = text("text/plain", "Grüße aus Köln", Charset.forName("ISO-8859-1"));

        assertThat(MessageText.of(payload, 100).text()).isEqualTo("Grüße aus Köln");
    }

    @Test
    void aTextAttachmentIsNotTheBody() {
        MessagePart attachment = text("text/plain", "a,b,c", StandardCharsets.UTF_8).setFilename("data.csv");
        MessagePart payload = multipart("multipart/mixed", attachment, text("text/plain", "See the data", StandardCharsets.UTF_8));

        assertThat(MessageText.of(payload, 100).text()).isEqualTo("See the data");
    }

    @Test
    void aLongBodyIsCutAtTheLimitAndFlagged() {
        MessagePart payload = text("text/plain", "abcdefghij", StandardCharsets.UTF_8);

        assertThat(MessageText.of(payload, 4)).isEqualTo(new MessageText.Body("abcd", true));
        assertThat(MessageText.of(payload, 10)).isEqualTo(new MessageText.Body("abcdefghij", false));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        MessagePart payload = text("text/plain", "ab\uD83D\uDE00cd", StandardCharsets.UTF_8);

        assertThat(MessageText.of(payload, 3).text()).isEqualTo("ab");
    }

    @Test
    void aMessageWithoutTextHasAnEmptyBody() {
        assertThat(MessageText.of(new MessagePart().setMimeType("image/png").setFilename("x.png"), 100))
                .isEqualTo(new MessageText.Body("", false));
    }

    @Test
    void encodedWordsAndEntitiesAreDecoded() {
        assertThat(EncodedWords.decode("=?ISO-8859-1?Q?Caf=E9_au_lait?= =?UTF-8?B?IOKYlQ==?=")).isEqualTo("Café au lait ☕");
        assertThat(EncodedWords.decode("plain subject")).isEqualTo("plain subject");
        assertThat(HtmlText.decodeEntities("It&#39;s &lt;fine&gt; &amp; &#x263A;")).isEqualTo("It's <fine> & ☺");
    }

    private static MessagePart multipart(String mimeType, MessagePart... parts) {
        return new MessagePart().setMimeType(mimeType).setFilename("").setParts(List.of(parts));
    }

    private static MessagePart text(String mimeType, String text, Charset charset) {
        return new MessagePart().setMimeType(mimeType).setFilename("")
                .setHeaders(List.of(new MessagePartHeader().setName("Content-Type").setValue(mimeType + "; charset=\"" + charset.name() + "\"")))
                .setBody(new MessagePartBody().setData(Base64.getUrlEncoder().encodeToString(text.getBytes(charset))));
    }
}
