package dev.relock.cli;

/** Lets tests outside the package name the package-private {@link WheelhouseCommand}. */
public final class WheelhouseCommandAccess {
    public static final Class<?> COMMAND = WheelhouseCommand.class;

    private WheelhouseCommandAccess() {}
}
