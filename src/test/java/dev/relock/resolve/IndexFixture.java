package dev.relock.resolve;

import dev.relock.cache.Cache;
import dev.relock.common.RelockException;
import dev.relock.index.IndexClient;
import dev.relock.index.IndexSources;
import dev.relock.pep508.Requirement;
import dev.relock.tags.Target;
import dev.relock.testing.index.LocalIndexServer;
import dev.relock.testing.index.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real local index and a client for it, with shorthands for building requests. */
final class IndexFixture implements AutoCloseable, org.junit.jupiter.api.extension.AfterAllCallback {
    static final Target LINUX_311 = Target.parse("3.11.7", "x86_64-unknown-linux-gnu");

    final LocalIndexServer server;
    final IndexClient client;

    private IndexFixture(LocalIndexServer server, IndexClient client) {
        this.server = server;
        this.client = client;
    }

    static IndexFixture serve(Scenario scenario) {
        LocalIndexServer server = LocalIndexServer.start(scenario);
        return new IndexFixture(server, client(IndexSources.builder().indexUrl(server.simpleUrl().toString()).build()));
    }

    static IndexClient client(IndexSources sources) {
        return IndexClient.builder(sources).cache(Cache.disabled()).parallelism(8).build();
    }

    static ResolveRequest.Builder request(Target target, String... requirements) {
        ResolveRequest.Builder b = ResolveRequest.builder(target);
        for (String r : requirements) {
            b.requirement(new RootRequirement(Requirement.parse(r), "-r requirements.in"));
        }
        return b;
    }

    /** A request for several targets (the first is the primary). */
    static ResolveRequest.Builder request(java.util.List<Target> targets, String... requirements) {
        ResolveRequest.Builder b = ResolveRequest.builder(targets);
        for (String r : requirements) {
            b.requirement(new RootRequirement(Requirement.parse(r), "-r requirements.in"));
        }
        return b;
    }

    static ResolveRequest.Builder request(String... requirements) {
        return request(LINUX_311, requirements);
    }

    Resolution resolve(ResolveRequest.Builder request) {
        return new Resolver(client).resolve(request.build());
    }

    Map<String, String> pins(ResolveRequest.Builder request) {
        return pins(resolve(request));
    }

    static Map<String, String> pins(Resolution resolution) {
        Map<String, String> out = new LinkedHashMap<>();
        resolution.packages().forEach(p -> out.put(p.name().toString(), p.version().toString()));
        return out;
    }

    /** The UNRESOLVABLE message of a resolution that must fail. */
    String failure(ResolveRequest.Builder request) {
        try {
            Resolution r = resolve(request);
            throw new AssertionError("expected no solution, got " + pins(r));
        } catch (RelockException e) {
            if (e.kind() != RelockException.Kind.UNRESOLVABLE) {
                throw e;
            }
            return e.getMessage();
        }
    }

    @Override
    public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
