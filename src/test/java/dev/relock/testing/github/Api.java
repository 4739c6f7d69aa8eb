package dev.relock.testing.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The REST router: a table of method + path template → permission need → handler. Checks the
 * repository's visibility and the token's permissions the way GitHub does before a handler runs.
 */
final class Api {
    /** Handles one routed call. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiCall call);
    }

    /**
     * The permissions a route needs: any one of {@code scopes} at the given level. An empty list
     * means any caller, anonymous included.
     */
    record Need(boolean write, List<String> scopes) {
        static final Need NONE = new Need(false, List.of());

        static Need read(String... scopes) {
            return new Need(false, List.of(scopes));
        }

        static Need write(String... scopes) {
            return new Need(true, List.of(scopes));
        }

        String header() {
            String level = write ? "write" : "read";
            return scopes.stream().map(s -> s + "=" + level).collect(Collectors.joining("; "));
        }
    }

    private record Route(String method, Pattern pattern, List<String> names, Need need, String docs, Handler handler) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(\\+?)}");

    private final FakeGitHub hub;
    private final List<Route> routes = new ArrayList<>();

    Api(FakeGitHub hub) {
        this.hub = hub;
    }

    /** Adds a route; {@code {name}} matches one segment, {@code {name+}} the rest of the path. */
    void route(String method, String template, Need need, String docs, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, need, docs, handler));
    }

    ApiResponse handle(String method, String path, Map<String, String> query, byte[] rawBody,
            Optional<TokenGrant> token) {
        for (Route route : routes) {
            Matcher m = route.pattern.matcher(path);
            if (!route.method.equals(method) || !m.matches()) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < route.names.size(); i++) {
                params.put(route.names.get(i), m.group(i + 1));
            }
            Optional<FakeRepository> repo = Optional.empty();
            if (params.containsKey("owner") && params.containsKey("repo")) {
                repo = hub.findRepository(params.get("owner"), params.get("repo"))
                        .filter(r -> !r.isPrivate || token.isPresent());
                if (repo.isEmpty()) {
                    throw ApiError.notFound(route.docs);
                }
            }
            check(route, token);
            JsonNode body = rawBody.length == 0 ? Json.object() : Json.parse(rawBody);
            return route.handler.handle(new ApiCall(method, path, query, body, token, params, repo));
        }
        throw ApiError.notFound(ApiError.DOCS);
    }

    private static void check(Route route, Optional<TokenGrant> token) {
        Need need = route.need;
        if (need.scopes.isEmpty()) {
            return;
        }
        if (token.isEmpty()) {
            if (need.write) {
                throw ApiError.requiresAuthentication();
            }
            return;
        }
        if (need.scopes.stream().noneMatch(scope -> token.get().allows(scope, need.write))) {
            throw ApiError.notAccessible(need.header(), route.docs);
        }
    }

    /**
     * One page of {@code all} per {@code per_page} (default 30, at most 100) and {@code page}, with
     * GitHub's {@code Link} header (first/prev/next/last) when there is more than one page.
     */
    ApiResponse page(ApiCall call, ArrayNode all) {
        int perPage = Math.max(1, Math.min(100, intQuery(call, "per_page", 30)));
        int page = Math.max(1, intQuery(call, "page", 1));
        int pages = Math.max(1, (all.size() + perPage - 1) / perPage);
        ArrayNode slice = Json.array();
        for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) {
            slice.add(all.get(i));
        }
        ApiResponse response = ApiResponse.ok(slice);
        if (pages == 1) {
            return response;
        }
        List<String> links = new ArrayList<>();
        if (page < pages) {
            links.add(link(call, page + 1, perPage, "next"));
            links.add(link(call, pages, perPage, "last"));
        }
        if (page > 1) {
            links.add(link(call, 1, perPage, "first"));
            links.add(link(call, page - 1, perPage, "prev"));
        }
        return response.withHeader("Link", String.join(", ", links));
    }

    private String link(ApiCall call, int page, int perPage, String rel) {
        Map<String, String> query = new TreeMap<>(call.query);
        query.put("per_page", Integer.toString(perPage));
        query.put("page", Integer.toString(page));
        String q = query.entrySet().stream()
                .map(e -> Views.encode(e.getKey()) + "=" + Views.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return "<" + hub.apiUrl() + call.path + "?" + q + ">; rel=\"" + rel + "\"";
    }

    private static int intQuery(ApiCall call, String name, int fallback) {
        try {
            return call.query(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
