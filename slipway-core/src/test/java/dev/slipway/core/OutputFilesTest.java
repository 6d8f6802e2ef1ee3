package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
  @TempDir Path dir;

  @Test
  void replacesTheFileCreatesParentsAndLeavesNoTemporaryBehind() throws Exception {
    Path file = dir.resolve("reports/run 1/report.json");
    OutputFiles.write(file, "first".getBytes(), "report");
    OutputFiles.write(file, "second".getBytes(), "report");
    assertThat(Files.readString(file)).isEqualTo("second");
    assertThat(file.getParent().toFile().list()).containsExactly("report.json");
  }

  @Test
  void aFailureNamesWhatAndWhereAndKeepsTheOldTarget() throws Exception {
    Path taken = Files.createDirectories(dir.resolve("schema.yaml"));
    Files.writeString(taken.resolve("keep.txt"), "kept");
    assertThatThrownBy(() -> OutputFiles.write(taken, "x".getBytes(), "schema"))
        .isInstanceOf(SlipwayException.class)
        .hasMessageStartingWith("cannot write schema to " + taken + ": ");
    assertThat(Files.readString(taken.resolve("keep.txt"))).isEqualTo("kept");
    assertThat(dir.toFile().list()).containsExactly("schema.yaml");
  }
}
