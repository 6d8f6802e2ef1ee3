package dev.slipway.cli;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.OutputFiles;
import dev.slipway.core.Task;
import dev.slipway.store.Artifact;
import dev.slipway.store.ModelRef;
import dev.slipway.store.ModelVersion;
import dev.slipway.store.Stores;
import dev.slipway.train.ModelBundle;
import dev.slipway.train.OnnxExport;
import dev.slipway.train.Trainer;
import dev.slipway.train.Trainers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway models export-onnx MODEL[:VERSION|@ALIAS] --out FILE}: writes a registered
 * model as an ONNX file for other runtimes. The graph is the model alone: its input is the
 * transformed feature matrix, whose column order the command prints.
 */
@Command(
    name = "export-onnx",
    description = "Write a registered model as ONNX (the model; its input is the transformed features).")
final class ModelsExportOnnxCommand implements Callable<Integer> {
  @ParentCommand ModelsCommand models;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "NAME, NAME:VERSION or NAME@ALIAS.")
  String model;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .onnx file to write.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter print = spec.commandLine().getOut();
    ModelBundle bundle;
    String label;
    try (Stores stores = Stores.open(models.parent.home())) {
      ModelVersion version = ModelRef.parse(model).resolve(stores.metadata());
      Artifact artifact = stores.metadata().artifact(version.artifactId()).orElseThrow();
      bundle = ModelBundle.read(stores.artifacts().path(artifact.digest()));
      label = version.name() + ":" + version.version();
    }
    String trainer = bundle.model().trainer();
    byte[] onnx =
        OnnxExport.of(bundle).orElseThrow(() -> new InvalidInputException(
            "model " + label + " (trainer '" + trainer + "') cannot be exported to ONNX; "
                + "the trainers that can: " + String.join(", ", exporters())));
    OutputFiles.write(out, onnx, "ONNX model");
    List<String> features = bundle.transform().outputNames();
    print.println("wrote " + out + " (" + label + ", trainer " + trainer + ")");
    print.println("  input   'input' float [N, " + features.size() + "]: the transformed features,"
        + " in this order: " + String.join(", ", features));
    print.println("  output  'output' float "
        + (bundle.task() == Task.CLASSIFICATION
            ? "[N, " + bundle.classes().size() + "]: probabilities of " + String.join(", ", bundle.classes())
            : "[N, 1]: the predicted " + bundle.label()
                + bundle.labelTransform().map(t -> " (label_transform '" + t.id() + "' undone in the graph)").orElse("")));
    return 0;
  }

  private static List<String> exporters() {
    return Trainers.all().stream().filter(Trainer::exportsOnnx).map(Trainer::name).toList();
  }
}
