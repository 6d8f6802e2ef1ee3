package dev.slipway.cli;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Sha256;
import dev.slipway.core.Task;
import dev.slipway.store.Artifact;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.ModelVersion;
import dev.slipway.store.StoredBlob;
import dev.slipway.store.Stores;
import dev.slipway.train.ModelBundle;
import dev.slipway.train.OnnxImport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway models import-onnx FILE --name NAME [--features a,b] [--classes x,y] [--task T]
 * [--label L]}: registers an external ONNX model as a new version of NAME, servable and evaluable
 * like a trained one. The file is checked and the bundle built before anything is stored, so a bad
 * file registers nothing.
 */
@Command(name = "import-onnx", description = "Register an external ONNX model as a new model version.")
final class ModelsImportOnnxCommand implements Callable<Integer> {
  @ParentCommand ModelsCommand models;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The .onnx file.")
  Path file;

  @Option(names = "--name", required = true, description = "Model name to register under.")
  String name;

  @Option(names = "--features", split = ",", paramLabel = "A,B,...",
      description = "Feature names in input column order (needed when the graph takes one [N, F] tensor, F > 1).")
  List<String> features = new ArrayList<>();

  @Option(names = "--classes", split = ",", paramLabel = "X,Y,...",
      description = "Class names in probability column order (needed when the file has none).")
  List<String> classes = new ArrayList<>();

  @Option(names = "--task", paramLabel = "TASK",
      description = "classification or regression (default: classification when the graph outputs probabilities).")
  String task;

  @Option(names = "--label", defaultValue = "label",
      description = "Label column of evaluation data (default: ${DEFAULT-VALUE}).")
  String label;

  @Override
  public Integer call() {
    byte[] onnx = read(file);
    String source = file.getFileName().toString();
    ModelBundle bundle = new OnnxImport(source, parseTask(task), label, features, classes).toBundle(onnx);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try {
      bundle.write(zip);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model bundle", e);
    }
    try (Stores stores = Stores.open(models.parent.home())) {
      MetadataStore metadata = stores.metadata();
      StoredBlob blob = stores.artifacts().put(zip.toByteArray());
      Artifact artifact = metadata.putArtifact("Model", blob, Map.of("source", "onnx", "trainer", "onnx"));
      Map<String, String> tags = new LinkedHashMap<>();
      tags.put("source", "onnx");
      tags.put("onnx.sha256", Sha256.hex(onnx));
      tags.put("onnx.file", source);
      tags.put("model.digest", blob.digest());
      ModelVersion version =
          metadata.registerModelVersion(name, artifact.id(), null, null, tags, Clock.systemUTC().instant());
      spec.commandLine().getOut().println("registered " + name + ":" + version.version());
    }
    return 0;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ONNX file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Task parseTask(String task) {
    if (task == null) {
      return null;
    }
    return switch (task.toLowerCase(Locale.ROOT)) {
      case "classification" -> Task.CLASSIFICATION;
      case "regression" -> Task.REGRESSION;
      default -> throw new InvalidInputException(
          "--task is '" + task + "'; expected classification or regression");
    };
  }
}
