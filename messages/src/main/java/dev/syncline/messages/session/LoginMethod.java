package dev.syncline.messages.session;

/** How the person proved who they are when their session started. */
public enum LoginMethod {
    PASSWORD,
    GOOGLE,
    MICROSOFT
}
