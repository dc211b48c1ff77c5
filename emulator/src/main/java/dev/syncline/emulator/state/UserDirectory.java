package dev.syncline.emulator.state;

import dev.syncline.emulator.EmulatedUser;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The users known to one provider, keyed by lower-case email. The default user is the first one
 * configured (or, without any, the first one added) and signs in when no login hint matches.
 */
public final class UserDirectory {

    private final ConcurrentMap<String, EmulatedUser> byEmail = new ConcurrentHashMap<>();
    private final AtomicReference<EmulatedUser> defaultUser = new AtomicReference<>();

    public UserDirectory(List<EmulatedUser> initial) {
        reset(initial);
    }

    /** Adds the user unless the email is taken; answers the user now stored under that email. */
    public EmulatedUser add(EmulatedUser user) {
        EmulatedUser stored = byEmail.computeIfAbsent(user.email(), email -> user);
        defaultUser.compareAndSet(null, stored);
        return stored;
    }

    public boolean contains(String email) {
        return find(email).isPresent();
    }

    public Optional<EmulatedUser> find(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(byEmail.get(email.trim().toLowerCase(Locale.ROOT)));
    }

    public Optional<EmulatedUser> defaultUser() {
        return Optional.ofNullable(defaultUser.get());
    }

    public List<EmulatedUser> all() {
        return byEmail.values().stream().sorted(Comparator.comparing(EmulatedUser::email)).toList();
    }

    public void reset(List<EmulatedUser> initial) {
        byEmail.clear();
        defaultUser.set(null);
        initial.forEach(this::add);
    }
}
