package dev.syncline.emulator.gmail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartMixedTest {

    @Test
    void theBoundaryIsReadQuotedOrNot() {
        assertThat(MultipartMixed.boundary("multipart/mixed; boundary=abc")).hasValue("abc");
        assertThat(MultipartMixed.boundary("multipart/mixed; boundary=\"a b\"; charset=utf-8")).hasValue("a b");
        assertThat(MultipartMixed.boundary("application/json")).isEmpty();
    }

    @Test
    void partsAreReadWithCrLfOrBareLf() {
        String body = "preamble\n--b\ncontent-id: 1\n\nGET /one HTTP/1.1\n\n\n--b\r\nContent-ID: 2\r\n\r\nGET /two HTTP/1.1\r\n\r\n--b--\r\n";

        List<MultipartMixed.Part> parts = MultipartMixed.parse(body.getBytes(StandardCharsets.ISO_8859_1), "b");

        assertThat(parts).extracting(part -> part.headers().get("content-id")).containsExactly("1", "2");
        assertThat(parts.get(0).content()).startsWith("GET /one HTTP/1.1");
        assertThat(parts.get(1).content()).startsWith("GET /two HTTP/1.1");
    }

    @Test
    void aBoundaryInsideALineIsNoDelimiter() {
        String body = "--b\r\n\r\nGET /x?q=--b HTTP/1.1\r\n\r\n--b--";

        assertThat(MultipartMixed.parse(body.getBytes(StandardCharsets.ISO_8859_1), "b")).hasSize(1);
    }

    @Test
    void anUnclosedBodyIsRejected() {
        assertThatThrownBy(() -> MultipartMixed.parse("--b\r\n\r\nGET / HTTP/1.1".getBytes(StandardCharsets.ISO_8859_1), "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writtenPartsFollowEachOtherAndTheCloseDelimiterEnds() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/http");

        String written = new String(MultipartMixed.write("z", List.of(
                new MultipartMixed.Written(headers, "one".getBytes(StandardCharsets.UTF_8)),
                new MultipartMixed.Written(headers, "two".getBytes(StandardCharsets.UTF_8)))), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("--z\r\nContent-Type: application/http\r\n\r\none\r\n"
                + "--z\r\nContent-Type: application/http\r\n\r\ntwo\r\n--z--\r\n");
    }
}
