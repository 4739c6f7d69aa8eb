package dev.relock.testing.github;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one token may do: the account it acts as and its permissions, GitHub App style
 * ({@code contents=write}, {@code pull_requests=write}, ...). Write implies read; {@code metadata}
 * is always readable.
 */
record TokenGrant(FakeUser user, Map<String, String> permissions) {
    TokenGrant {
        permissions = Map.copyOf(permissions);
    }

    /** Parses {@code scope:level} strings such as {@code contents:write} or {@code pull-requests:read}. */
    static TokenGrant parse(FakeUser user, String... grants) {
        Map<String, String> permissions = new TreeMap<>();
        for (String grant : grants) {
            String[] parts = grant.split("[:=]", 2);
            if (parts.length != 2 || !(parts[1].equals("read") || parts[1].equals("write"))) {
                throw new IllegalArgumentException("permission must look like contents:write, not " + grant);
            }
            permissions.merge(parts[0].toLowerCase(Locale.ROOT).replace('-', '_'), parts[1],
                    (a, b) -> a.equals("write") ? a : b);
        }
        return new TokenGrant(user, permissions);
    }

    boolean allows(String scope, boolean write) {
        if (scope.equals("metadata") && !write) {
            return true;
        }
        String level = permissions.get(scope);
        return level != null && (level.equals("write") || !write);
    }
}
