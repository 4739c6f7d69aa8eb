package dev.relock.workspace;

import dev.relock.tags.TargetPlatform;

/**
 * The platform one Dockerfile runs Python on, and where it says so.
 *
 * @param file the Dockerfile, relative to the project root, with {@code /} separators
 * @param line 1-based line of the {@code FROM python:...} instruction
 * @param from the instruction as relock read it, e.g. {@code FROM --platform=linux/arm64 python:3.12-slim}
 * @param platform the platform that image runs
 * @param reason why, for people: e.g. {@code Debian bookworm, glibc 2.36}
 */
public record DockerfilePlatform(String file, int line, String from, TargetPlatform platform, String reason) {
    /** {@code file:line}, as warnings and {@code -v} output name it. */
    public String location() {
        return file + ":" + line;
    }

    /** The human sentence: {@code Dockerfile:1 FROM python:3.12-slim-bookworm → x86_64-manylinux_2_36 (...)}. */
    public String describe() {
        return location() + " " + from + " \u2192 " + platform.name() + " (" + reason + ")";
    }
}
