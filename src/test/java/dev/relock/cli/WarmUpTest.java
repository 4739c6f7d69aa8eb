package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarmUpTest {
    /** Only the commands that read an index or the cache warm its machinery up; the arguments are space-separated. */
    @ParameterizedTest
    @CsvSource({
        "compile requirements.in, true",
        "-v verify, true",
        "-q update --dry-run, true",
        "wheelhouse requirements.txt -d wh, true",
        "help compile, false",
        "action, false",  // the action warms up for the command its inputs name
        "--help, false",
        "--version, false",
        "'', false"
    })
    void warmsUpOnlyForIndexCommands(String args, boolean expected) {
        String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
        assertThat(WarmUp.usesIndex(argv)).isEqualTo(expected);
    }
}
