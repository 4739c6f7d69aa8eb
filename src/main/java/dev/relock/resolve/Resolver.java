package dev.relock.resolve;

import dev.relock.common.RelockException;
import dev.relock.index.IndexClient;
import dev.relock.pep440.Version;
import dev.relock.solver.NoSolutionException;
import dev.relock.solver.Solver;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves Python requirements for one or several targets (one Python version) against a package index with the PubGrub
 * {@link Solver}. Project pages and metadata are fetched in parallel through the
 * {@link IndexClient} while the solver works; a resolver may be used for several requests
 * (the client memoizes what it fetched).
 */
public final class Resolver {
    private final IndexClient client;
    private final ResolverListener listener;

    public Resolver(IndexClient client, ResolverListener listener) {
        this.client = Objects.requireNonNull(client, "client");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A resolver without progress reports. */
    public Resolver(IndexClient client) {
        this(client, ResolverListener.NONE);
    }

    /**
     * The versions to install for {@code request}: the same inputs and index give the same result.
     * With several targets, one set of versions that installs on each of them. The result also
     * lists {@link Resolution#skipped() newer releases passed over only because a target has no
     * file of them}.
     *
     * @throws RelockException of {@link RelockException.Kind#UNRESOLVABLE} when no set of versions
     *     satisfies the requirements; its message's first line names one cause and the following
     *     lines explain the conflict step by step. BAD_INPUT for URL requirements without a
     *     {@link DirectArtifact} and for two different artifacts of one package, NETWORK
     *     for index failures.
     */
    public Resolution resolve(ResolveRequest request) {
        Objects.requireNonNull(request, "request");
        PythonProvider provider = new PythonProvider(client, request, listener);
        Map<Node, Version> solution;
        try {
            solution = Solver.resolve(provider, Node.ROOT, PythonProvider.ROOT_VERSION);
        } catch (NoSolutionException e) {
            throw new RelockException(RelockException.Kind.UNRESOLVABLE,
                    PythonReport.explain(e.derivationTree(), request.targets(), provider.rootOrigins(),
                            provider::onlyVersion, provider::hint), e);
        }
        return provider.resolution(solution);
    }
}
