package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.http.Response;

import java.util.List;
import java.util.Map;

/** The few HTML pages the emulator shows a browser: errors and the optional consent form. */
final class HtmlPages {

    private HtmlPages() {
    }

    static Response error(String title, String message) {
        return page(400, title, message);
    }

    static Response page(int status, String title, String message) {
        return Response.html(status, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1><p>" + escape(message) + "</p></body></html>");
    }

    /**
     * A form that posts the original request back with {@code decision=allow} or {@code deny}.
     * The user list lets a demo pick who signs in.
     */
    static Response consent(String providerName, String formAction, Map<String, String> params, String scope,
                            List<EmulatedUser> users, EmulatedUser selected) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(providerName)).append(" sign-in (emulated)</title></head><body>")
                .append("<h1>").append(escape(providerName)).append(" sign-in (emulated)</h1>")
                .append("<form method=\"post\" action=\"").append(escape(formAction)).append("\">");
        params.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        html.append("<p><label>Account <select name=\"login_hint\">");
        for (EmulatedUser user : users) {
            html.append("<option value=\"").append(escape(user.email())).append('"')
                    .append(user.equals(selected) ? " selected" : "").append('>')
                    .append(escape(user.name())).append(" &lt;").append(escape(user.email())).append("&gt;</option>");
        }
        html.append("</select></label></p><p>The application asks for: <code>").append(escape(scope))
                .append("</code></p>")
                .append("<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button> ")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>")
                .append("</form></body></html>");
        return Response.html(200, html.toString());
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
