package dev.slipway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

  static Cli run(Path home, String... args) {
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    return new Cli(code, out.toString(), err.toString());
  }

  /** The checked-in credit example, copied so that a test may edit it. */
  static Path copyExample(Path dir) throws java.io.IOException {
    Path source = Path.of("..", "examples", "credit");
    for (String f : List.of("pipeline.yaml", "credit_g.csv", "applicant.json")) {
      java.nio.file.Files.copy(source.resolve(f), dir.resolve(f));
    }
    return dir.resolve("pipeline.yaml");
  }
}
