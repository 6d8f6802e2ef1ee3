package dev.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineFileTest {
  @TempDir Path dir;
  final Components components = Components.discover();

  Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("p.yaml"), yaml);
  }

  @Test
  void ordersStepsByDependencyKeepingFileOrderOtherwise() throws Exception {
    Path file = write("""
        name: p
        parameters: {label: class}
        steps:
          - {name: stats, component: statistics, inputs: {dataset: split.train}}
          - {name: ingest, component: ingest, params: {path: x.csv, label: "${label}"}}
          - {name: split, component: split, inputs: {dataset: ingest.snapshot}}
        """);
    PipelineFile.Loaded loaded = PipelineFile.load(file, components);
    assertThat(loaded.spec().steps()).extracting(PipelineSpec.StepSpec::name).containsExactly("ingest", "split", "stats");
    assertThat(loaded.spec().steps().get(0).params()).containsEntry("label", "class");
  }

  @Test
  void substitutesTypedParameters() throws Exception {
    Path file = write("""
        name: p
        parameters: {seed: 7}
        steps:
          - {name: ingest, component: ingest, params: {path: "data-${seed}.csv", seed: "${seed}"}}
        """);
    PipelineSpec.StepSpec step = PipelineFile.load(file, components).spec().steps().get(0);
    assertThat(step.params()).containsEntry("seed", 7).containsEntry("path", "data-7.csv");
  }

  @Test
  void missingFile() {
    assertThatThrownBy(() -> PipelineFile.load(dir.resolve("none.yaml"), components))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("pipeline file not found");
  }

  @Test
  void unknownComponentNamesTheStepAndTheKnownComponents() throws Exception {
    Path file = write("""
        name: p
        steps:
          - {name: a, component: magic}
        """);
    assertThatThrownBy(() -> PipelineFile.load(file, components))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("step 'a': unknown component 'magic'; known components: evaluate, ingest");
  }

  @Test
  void unwiredInputSaysWhatIsNeeded() throws Exception {
    Path file = write("""
        name: p
        steps:
          - {name: s, component: statistics}
        """);
    assertThatThrownBy(() -> PipelineFile.load(file, components))
        .hasMessageContaining("step 's' (statistics) needs input 'dataset'");
  }

  @Test
  void danglingReferenceIsNamed() throws Exception {
    Path file = write("""
        name: p
        steps:
          - {name: s, component: statistics, inputs: {dataset: ingest.train}}
        """);
    assertThatThrownBy(() -> PipelineFile.load(file, components))
        .hasMessageContaining("refers to 'ingest.train', which is not an output of any step");
  }

  @Test
  void cyclesAreRejected() throws Exception {
    Path file = write("""
        name: p
        steps:
          - {name: a, component: split, inputs: {dataset: b.snapshot}}
          - {name: b, component: ingest, params: {path: x.csv}}
          - {name: c, component: statistics, inputs: {dataset: d.train}}
          - {name: d, component: split, inputs: {dataset: c.statistics}}
        """);
    // d consumes c's Statistics through a port named like a dataset: the wiring is legal YAML,
    // but c and d wait on each other.
    assertThatThrownBy(() -> PipelineFile.load(file, components))
        .hasMessageContaining("depend on each other in a cycle");
  }

  @Test
  void unknownParameterReference() throws Exception {
    Path file = write("""
        name: p
        steps:
          - {name: ingest, component: ingest, params: {path: "${data}"}}
        """);
    assertThatThrownBy(() -> PipelineFile.load(file, components))
        .hasMessageContaining("refers to ${data}, which is not in the pipeline's parameters");
  }

  @Test
  void unknownKeysAreReportedWithTheLine() throws Exception {
    Path file = write("""
        name: p
        stepz: []
        """);
    assertThatThrownBy(() -> PipelineFile.load(file, components))
        .hasMessageContaining("not a valid pipeline file")
        .hasMessageContaining("stepz");
  }
}
