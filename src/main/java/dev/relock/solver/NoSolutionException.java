package dev.relock.solver;

import dev.relock.common.RelockException;

/**
 * Version solving proved that no selection of versions satisfies all dependencies.
 *
 * <p>{@link #derivationTree()} holds the proof. {@link #getMessage()} renders it with
 * {@link DefaultReport} after {@link DerivationTree#collapseNoVersions()}; callers that know their
 * packages better render the tree with their own {@link ReportFormatter}.
 */
public final class NoSolutionException extends RelockException {
    private static final long serialVersionUID = 1L;

    private final transient DerivationTree<?, ?> tree;
    private transient volatile String report;

    NoSolutionException(DerivationTree<?, ?> tree) {
        super(Kind.UNRESOLVABLE, "version solving failed");
        this.tree = tree;
    }

    /**
     * The explanation, typed as the caller's package and version types (the exception class
     * itself cannot be generic).
     */
    @SuppressWarnings("unchecked")
    public <P, V extends Comparable<? super V>> DerivationTree<P, V> derivationTree() {
        return (DerivationTree<P, V>) tree;
    }

    @Override
    public String getMessage() {
        if (tree == null) {
            return super.getMessage();
        }
        String r = report;
        if (r == null) {
            r = render(tree);
            report = r;
        }
        return r;
    }

    private static <P, V extends Comparable<? super V>> String render(DerivationTree<P, V> tree) {
        return DefaultReport.report(tree.collapseNoVersions());
    }
}
