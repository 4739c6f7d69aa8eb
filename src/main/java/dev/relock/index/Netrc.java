package dev.relock.index;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code .netrc} file: {@code machine <host> login <user> password <secret>} entries
 * and an optional {@code default} entry. Tokens are whitespace separated and may appear on one
 * line or many; {@code macdef} blocks (ended by a blank line) and unknown tokens are skipped,
 * as curl and Python's netrc module do.
 */
final class Netrc {
    private final Map<String, Credentials> machines;
    private final Optional<Credentials> fallback;

    private Netrc(Map<String, Credentials> machines, Optional<Credentials> fallback) {
        this.machines = Map.copyOf(machines);
        this.fallback = fallback;
    }

    static Netrc empty() {
        return new Netrc(Map.of(), Optional.empty());
    }

    static Netrc parse(String text) {
        Map<String, Credentials> machines = new HashMap<>();
        Optional<Credentials> fallback = Optional.empty();
        String[] lines = text.split("\\R", -1);
        java.util.List<String> tokens = new java.util.ArrayList<>();
        boolean inMacro = false;
        for (String line : lines) {
            if (inMacro) {
                inMacro = !line.isBlank();
                continue;
            }
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                continue;
            }
            for (String token : stripped.split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                if (token.equals("macdef")) {
                    inMacro = true;
                    break;
                }
                tokens.add(token);
            }
        }
        String host = null;
        boolean isDefault = false;
        String login = "";
        String password = "";
        for (int i = 0; i <= tokens.size(); i++) {
            String token = i < tokens.size() ? tokens.get(i) : "machine";
            if (token.equals("machine") || token.equals("default")) {
                if (host != null && !machines.containsKey(host)) {
                    machines.put(host, new Credentials(login, password));
                } else if (isDefault && fallback.isEmpty()) {
                    fallback = Optional.of(new Credentials(login, password));
                }
                isDefault = token.equals("default");
                host = token.equals("machine") && i + 1 < tokens.size()
                        ? tokens.get(++i).toLowerCase(Locale.ROOT) : null;
                login = "";
                password = "";
            } else if ((token.equals("login") || token.equals("password") || token.equals("account"))
                    && i + 1 < tokens.size()) {
                String value = tokens.get(++i);
                if (token.equals("login")) {
                    login = value;
                } else if (token.equals("password")) {
                    password = value;
                }
            }
        }
        return new Netrc(machines, fallback);
    }

    /** The entry for {@code host}, else the {@code default} entry. */
    Optional<Credentials> forHost(String host) {
        Credentials exact = machines.get(host.toLowerCase(Locale.ROOT));
        return exact != null ? Optional.of(exact) : fallback;
    }
}
