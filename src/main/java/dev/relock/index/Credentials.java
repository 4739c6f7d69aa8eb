package dev.relock.index;

import java.util.Objects;

/** A username and password for an index. {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {
    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[username=****, password=****]";
    }
}
