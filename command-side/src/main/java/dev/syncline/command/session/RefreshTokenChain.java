package dev.syncline.command.session;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The hashes of every refresh token a session has issued, generation 0 first. Only the last one is valid; an
 * earlier one is a rotated token, and seeing it again means that someone else holds a copy. Every generation is
 * kept, so that reuse of any rotated token is recognised however long ago it was replaced.
 */
record RefreshTokenChain(List<String> hashes) {

    RefreshTokenChain {
        hashes = List.copyOf(hashes);
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("A session has at least its first refresh token");
        }
    }

    static RefreshTokenChain startingWith(String firstHash) {
        return new RefreshTokenChain(List.of(firstHash));
    }

    int currentGeneration() {
        return hashes.size() - 1;
    }

    /** The generation of the token with this hash, or empty when it was never a token of this session. */
    OptionalInt generationOf(String hash) {
        int generation = hashes.lastIndexOf(hash);
        return generation < 0 ? OptionalInt.empty() : OptionalInt.of(generation);
    }

    RefreshTokenChain rotatedTo(String successorHash) {
        List<String> longer = new ArrayList<>(hashes.size() + 1);
        longer.addAll(hashes);
        longer.add(successorHash);
        return new RefreshTokenChain(longer);
    }
}
