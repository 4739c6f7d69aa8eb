/**
 * Builds the core metadata of sdists whose PKG-INFO does not declare their dependencies statically,
 * by running their PEP 517 backend ({@code prepare_metadata_for_build_wheel}, else
 * {@code build_wheel}) in an isolated, throwaway virtual environment: {@link dev.relock.build.PythonBuilder}.
 *
 * <p>The package sits between the index client (which calls it through
 * {@link dev.relock.index.SdistBuilder} and validates and caches the result by the sdist's sha256)
 * and the resolver (which resolves the build requirements for it through
 * {@link dev.relock.build.BuildRequirements}). It is the only place relock runs Python.
 */
package dev.relock.build;
