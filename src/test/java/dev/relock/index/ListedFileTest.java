package dev.relock.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListedFileTest {

    @ParameterizedTest(name = "{0} reads as java.time reads it")
    @ValueSource(strings = {
        "2024-01-02T03:04:05.678901Z", "2024-01-02T03:04:05Z", "2015-03-02T13:00:00.000000Z",
        "2024-02-29T23:59:59.9Z", "2024-12-31T00:00:00.123456789Z", "2024-01-02T03:04:05+00:00",
        "2024-01-02T03:04:05.5+00:00", "2024-01-02T03:04:05+02:00", "2024-01-02T03:04:05.1234-05:30"})
    void uploadTimesReadLikeJavaTime(String text) {
        assertThat(ListedFile.instant(text)).contains(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest(name = "{0} is not a timestamp")
    @ValueSource(strings = {"", "yesterday", "2024-13-02T03:04:05Z", "2023-02-29T03:04:05Z", "2024-01-02T24:04:05Z",
        "2024-01-02 03:04:05Z", "2024-01-02T03:04:05.1234567891Z", "2024-01-02T03:04:05",
        "2024-0a-02T03:04:05Z", "+2024-01-02T03:04:05Z"})
    void malformedUploadTimesAreAbsent(String text) {
        assertThat(ListedFile.instant(text)).isEqualTo(Optional.<Instant>empty());
    }
}
