package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end through the real command line: the credit pipeline runs,
 * caches, re-runs exactly the changed part, registers versions with lineage to the snapshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreditPipelineIT {
  Path dir;
  Path home;
  Path pipeline;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    this.dir = dir;
    home = dir.resolve("home");
    pipeline = Cli.copyExample(Files.createDirectory(dir.resolve("credit")));
  }

  @Test
  @Order(1)
  void firstRunExecutesEveryStepAndRegistersVersionOne() {
    Cli run = Cli.run(home, "run", pipeline.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("10 steps ran, 0 cached").contains("model      credit:1");
    double auc = metric(run.out(), "roc_auc");
    // Reference: sklearn LogisticRegression holdout AUC 0.831 on an 80/20 stratified split
    // (shared/data/README.md); the issue asks for agreement within 0.03.
    assertThat(auc).isGreaterThan(0.831 - 0.03);
  }

  @Test
  @Order(2)
  void secondRunReusesEveryStep() {
    Cli run = Cli.run(home, "run", pipeline.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("0 steps ran, 10 cached").contains("model      credit:1");
  }

  @Test
  @Order(3)
  void changingATransformParameterRerunsItAndDownstreamOnly() throws Exception {
    String yaml = Files.readString(pipeline);
    Files.writeString(pipeline, yaml.replace("numeric_impute: mean", "numeric_impute: median"));
    Cli run = Cli.run(home, "run", pipeline.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    for (String upstream : new String[] {"ingest", "split", "train_statistics", "eval_statistics", "schema", "validate"}) {
      assertThat(line(run.out(), upstream)).as(upstream).endsWith("cached");
    }
    for (String downstream : new String[] {"transform", "train", "evaluate", "register"}) {
      assertThat(line(run.out(), downstream)).as(downstream).contains("ran ");
    }
    assertThat(run.out()).contains("model      credit:2");
  }

  @Test
  @Order(4)
  void lineageShowsTheSnapshotDigestOfTheIngestedFile() throws Exception {
    Cli lineage = Cli.run(home, "lineage", "credit:2");
    assertThat(lineage.exitCode()).as(lineage.err()).isZero();
    String fileDigest = Sha256.hex(pipeline.resolveSibling("credit_g.csv"));
    String snapshotDigest;
    try (dev.slipway.store.Stores stores = dev.slipway.store.Stores.open(home)) {
      var datasets = stores.metadata().artifactsByType("Dataset").stream()
          .filter(a -> fileDigest.equals(a.properties().get("source_sha256"))).toList();
      assertThat(datasets).as("one snapshot of credit_g.csv, its source digest recorded").hasSize(1);
      snapshotDigest = datasets.get(0).digest();
      assertThat(Sha256.hex(stores.artifacts().path(snapshotDigest))).isEqualTo(snapshotDigest);
    }
    assertThat(lineage.out())
        .contains("Dataset sha256:" + snapshotDigest)
        .contains("TransformGraph sha256:")
        .contains("Evaluation sha256:")
        .contains("numeric_impute=median");
  }

  @Test
  @Order(5)
  void promoteMovesTheAliasAndListShowsIt() {
    assertThat(Cli.run(home, "models", "promote", "credit", "1", "--alias", "production").exitCode()).isZero();
    Cli moved = Cli.run(home, "models", "promote", "credit", "2", "--alias", "production");
    assertThat(moved.out()).contains("credit@production → version 2 (was version 1)");
    Cli list = Cli.run(home, "models", "list");
    assertThat(list.out()).containsPattern("credit\\s+2\\s+2\\s+production=2");
    Cli show = Cli.run(home, "models", "show", "credit");
    assertThat(show.out()).contains("version 1").contains("version 2").contains("@production").contains("roc_auc");
    Cli one = Cli.run(home, "models", "show", "credit:1");
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(one.out()).contains("version 1").doesNotContain("version 2");
    Cli byAlias = Cli.run(home, "models", "show", "credit@production");
    assertThat(byAlias.out()).contains("version 2").doesNotContain("version 1");
    Cli missing = Cli.run(home, "models", "show", "credit:9");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err().strip()).isEqualTo("error: model 'credit' has no version 9");
  }

  @Test
  @Order(6)
  void unknownModelIsAOneLineErrorWithExitCodeOne() {
    Cli missing = Cli.run(home, "lineage", "kredit:1");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err().strip()).isEqualTo("error: no model named 'kredit'; registered models: credit");
    Cli noVersion = Cli.run(home, "serve", "credit:9", "--port", "0");
    assertThat(noVersion.exitCode()).isEqualTo(1);
    assertThat(noVersion.err().strip()).isEqualTo("error: model 'credit' has no version 9");
  }

  @Test
  @Order(7)
  void rerunningAfterPromotingThisVeryModelReusesEveryStep() {
    // credit:2 (numeric_impute: median) is production now; the evaluate step's baseline resolves
    // to the candidate itself, which counts as no baseline: nothing to recompute.
    Cli run = Cli.run(home, "run", pipeline.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("0 steps ran, 10 cached").contains("model      credit:2");
  }

  @Test
  @Order(8)
  void aModelAlreadyInTheRegistryIsNotRegisteredTwice() throws Exception {
    // Back to the first pipeline: every step up to train is cached (credit:1's bundle), but the
    // evaluation now compares against production = credit:2, so evaluate and register run again.
    Files.writeString(pipeline, Files.readString(pipeline).replace("numeric_impute: median", "numeric_impute: mean"));
    Cli run = Cli.run(home, "run", pipeline.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(line(run.out(), "train")).endsWith("cached");
    assertThat(line(run.out(), "evaluate")).contains("ran ");
    assertThat(line(run.out(), "register")).contains("already registered as credit:1");
    assertThat(Cli.run(home, "models", "list").out()).containsPattern("credit\\s+2\\s+2");
  }

  static String line(String out, String step) {
    return out.lines()
        .filter(l -> l.matches("\\[\\s*\\d+/\\d+] " + step + "\\s.*"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no progress line for " + step + " in:\n" + out))
        .strip();
  }

  static double metric(String out, String name) {
    Matcher m = Pattern.compile(name + " ([0-9.]+)").matcher(out);
    assertThat(m.find()).as("metric " + name + " in:\n" + out).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
