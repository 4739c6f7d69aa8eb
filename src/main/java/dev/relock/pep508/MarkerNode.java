package dev.relock.pep508;

import java.util.List;
import java.util.Objects;

/** A node of a marker expression tree; see {@link MarkerTree}. */
sealed interface MarkerNode permits MarkerExpression, MarkerNode.Constant, MarkerNode.Junction {

    /** Always true or always false; never appears inside a {@link Junction}. */
    record Constant(boolean value) implements MarkerNode {
    }

    /**
     * {@code and} or {@code or} over two or more children. {@code grouped} records that the source
     * wrapped this junction in parentheses; it only affects printing, not equality.
     */
    record Junction(boolean isOr, List<MarkerNode> children, boolean grouped) implements MarkerNode {
        public Junction {
            children = List.copyOf(children);
            if (children.size() < 2) {
                throw new IllegalArgumentException("a junction needs at least two children");
            }
        }

        Junction withGrouped(boolean newGrouped) {
            return new Junction(isOr, children, newGrouped);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Junction that && isOr == that.isOr && children.equals(that.children);
        }

        @Override
        public int hashCode() {
            return Objects.hash(isOr, children);
        }
    }
}
