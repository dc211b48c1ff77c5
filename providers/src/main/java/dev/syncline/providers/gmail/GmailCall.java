package dev.syncline.providers.gmail;

/** The Gmail calls the adapter makes; some errors mean different things for different calls. */
enum GmailCall {
    PROFILE("users.getProfile"),
    LIST_MESSAGES("users.messages.list"),
    GET_MESSAGES("users.messages.get (batch)"),
    LIST_HISTORY("users.history.list");

    private final String method;

    GmailCall(String method) {
        this.method = method;
    }

    String method() {
        return method;
    }
}
