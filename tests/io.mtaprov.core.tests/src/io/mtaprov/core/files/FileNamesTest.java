package io.mtaprov.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @Test
    void newNamesAreWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String n = FileNames.newName();
            assertThat(FileNames.isWellFormed(n)).as(n).isTrue();
            assertThat(seen.add(n)).as("duplicate " + n).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc/passwd", "/etc/passwd", "demo.cfg", "0123456789abcdef0123456789abcdef.bin",
            "0123456789ABCDEF0123456789abcdef.cfg", "0123456789abcdef0123456789abcde/.cfg",
            "..23456789abcdef0123456789abcdef.cfg", "0123456789abcdef0123456789abcdef.cfg/"})
    void rejectsAnythingButGeneratedNames(String name) {
        assertThat(FileNames.isWellFormed(name)).isFalse();
    }
}
