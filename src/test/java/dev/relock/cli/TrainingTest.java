package dev.relock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingTest {

    @Test
    void commandsAreSeparatedByALoneSemicolon() {
        List<String[]> commands = Training.split(new String[] {";", "--version", ";", ";", "verify", "a;b", ";"});

        assertThat(commands).containsExactly(new String[] {"--version"}, new String[] {"verify", "a;b"});
    }

    @Test
    void everyCommandRunsAndTheFirstFailureIsTheStatus() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = Training.run(new String[] {"--version", ";", "--no-such-option", ";", "--version"},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(status).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.toString().lines().filter(l -> l.startsWith("relock "))).hasSize(1);
        assertThat(err.toString()).contains("'relock --no-such-option' exited 2");
    }

    @Test
    void noCommandIsBadInput() {
        StringWriter err = new StringWriter();

        assertThat(Training.run(new String[] {";"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true)))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no command given");
    }
}
