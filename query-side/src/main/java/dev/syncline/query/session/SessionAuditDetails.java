package dev.syncline.query.session;

import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.SessionEndReason;
import dev.syncline.messages.session.SessionExpiry;

/** The sentence the session audit shows for each step: how or why, in words; never a token or a token hash. */
final class SessionAuditDetails {

    private SessionAuditDetails() {
    }

    static String started(LoginMethod method) {
        return switch (method) {
            case PASSWORD -> "Signed in with a password.";
            case GOOGLE -> "Signed in with Google.";
            case MICROSOFT -> "Signed in with Microsoft.";
        };
    }

    static String refreshed(int generation) {
        return "Refresh token rotated to generation " + generation + ".";
    }

    static String reuseDetected(int reusedGeneration, int currentGeneration) {
        return "The refresh token of generation " + reusedGeneration + " was presented again after it had been replaced "
                + "(generation " + currentGeneration + " was current): someone holds a copy, so the session is revoked.";
    }

    static String revoked(SessionEndReason reason) {
        return switch (reason) {
            case LOGOUT -> "Logged out.";
            case LOGOUT_ALL -> "Logged out of every session.";
            case ENDED_BY_USER -> "Ended by the user from the list of sessions.";
            case PASSWORD_CHANGED -> "Ended because the password was changed.";
            case REFRESH_TOKEN_REUSED -> "Revoked because a replaced refresh token was presented again.";
        };
    }

    static String expired(SessionExpiry expiry) {
        return switch (expiry) {
            case IDLE -> "Expired after going unused for longer than the idle timeout.";
            case ABSOLUTE -> "Expired at the end of its absolute lifetime.";
        };
    }
}
