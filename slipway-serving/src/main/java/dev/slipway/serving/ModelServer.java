package dev.slipway.serving;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.SlipwayException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Properties;

/**
 * An HTTP server for one model, speaking the KServe Open Inference Protocol v2 (REST).
 *
 * <pre>{@code
 * try (PredictionLog log = new JsonlPredictionLog(Path.of("predictions.jsonl"));
 *     ModelServer server = ModelServer.start(model, "127.0.0.1", 8080, log, Clock.systemUTC())) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code GET /v2/health/live}, {@code GET /v2/health/ready}, {@code GET /v2}, {@code
 * GET /v2/models/{name}[/versions/{version}]}, {@code GET .../ready} and {@code POST .../infer}.
 * Every response is JSON and carries the header {@value #VERSION_HEADER}. Errors answer {@code
 * {"error": "<one line>"}}: 400 for a request that does not fit the model's input schema, 404 for
 * an unknown path, model or version, 413 for a body over {@value #MAX_REQUEST_BYTES} bytes, 500
 * when the model or the prediction log fails. No error stops the server.
 *
 * <p>Thread-safe. {@link #close()} stops the server and waits for it; it does not close the
 * prediction log (the caller owns it).
 */
public final class ModelServer implements AutoCloseable {

  /** Response header naming the version of the served model. */
  public static final String VERSION_HEADER = "Slipway-Model-Version";

  /** Largest accepted request body: a batch of some 100k rows of a few features. */
  public static final long MAX_REQUEST_BYTES = 32L << 20;

  private static final String SERVER_VERSION = readServerVersion();

  private final Javalin app;
  private final String host;
  private boolean closed;

  private ModelServer(Javalin app, String host) {
    this.app = app;
    this.host = host;
  }

  /**
   * Starts serving {@code model} on {@code host:port} and returns once it accepts connections.
   *
   * @param port a TCP port, or 0 for any free port (see {@link #port()})
   * @param log receives one record per predicted row before the response is sent
   * @param clock the source of prediction-log timestamps
   * @throws SlipwayException when the address cannot be bound
   */
  public static ModelServer start(
      ServedModel model, String host, int port, PredictionLog log, Clock clock) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not in 0..65535");
    }
    ModelEndpoints endpoints = new ModelEndpoints(model, log, clock);
    Javalin app = Javalin.create(c -> configure(c, model, endpoints));
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      app.stop();
      throw new SlipwayException("cannot serve model '" + model.name() + "' on " + host + ":" + port
          + ": " + e.getMessage(), e);
    }
    return new ModelServer(app, host);
  }

  private static void configure(JavalinConfig c, ServedModel model, ModelEndpoints endpoints) {
    c.startup.showJavalinBanner = false;
    c.startup.showOldJavalinVersionWarning = false;
    c.http.maxRequestSize = MAX_REQUEST_BYTES;
    c.http.defaultContentType = ModelEndpoints.JSON;
    byte[] live = InferenceResponseWriter.flag("live");
    byte[] ready = InferenceResponseWriter.flag("ready");
    byte[] server = InferenceResponseWriter.serverMetadata(SERVER_VERSION);
    String base = "/v2/models/{name}";
    String versioned = base + "/versions/{version}";
    c.routes.before(ctx -> ctx.header(VERSION_HEADER, model.version()));
    c.routes.get("/v2/health/live", ctx -> json(ctx, live));
    c.routes.get("/v2/health/ready", ctx -> json(ctx, ready));
    c.routes.get("/v2", ctx -> json(ctx, server));
    for (String path : new String[] {base, versioned}) {
      c.routes.get(path, endpoints::metadata);
      c.routes.get(path + "/ready", endpoints::ready);
      c.routes.post(path + "/infer", endpoints::infer);
    }
    c.routes.exception(InvalidInputException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    c.routes.exception(NotFoundException.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
    c.routes.exception(
        HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), explain(e)));
    c.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, e.getMessage()));
    c.routes.error(404, ctx -> unmatched(ctx, model));
  }

  /** Javalin's own rejections carry a bare status phrase; say what to do instead. */
  private static String explain(HttpResponseException e) {
    if (e.getStatus() == 413) {
      return "request body is over " + MAX_REQUEST_BYTES
          + " bytes; split the batch into smaller requests";
    }
    return e.getMessage();
  }

  private static void json(Context ctx, byte[] body) {
    ctx.contentType(ModelEndpoints.JSON).result(body);
  }

  private static void error(Context ctx, int status, String message) {
    String line = message == null ? "internal error" : message.replaceAll("\\s+", " ").strip();
    ctx.status(status).contentType(ModelEndpoints.JSON).result(InferenceResponseWriter.error(line));
  }

  /** Javalin's own 404 (no route matched) gets the same JSON shape as every other error. */
  private static void unmatched(Context ctx, ServedModel model) {
    if (ctx.result() != null && ctx.result().startsWith("{\"error\"")) {
      return; // a handler already explained the 404
    }
    error(ctx, 404, "no endpoint " + ctx.method() + " " + ctx.path() + "; this server answers "
        + "/v2, /v2/health/{live,ready} and /v2/models/" + model.name()
        + "[/versions/" + model.version() + "][/ready|/infer]");
  }

  /** The port the server listens on (the chosen one when started with port 0). */
  public int port() {
    return app.port();
  }

  /** {@code http://host:port}; a wildcard bind address is given as {@code localhost}. */
  public URI baseUri() {
    String h = host;
    if (h.isEmpty() || h.equals("0.0.0.0") || h.equals("::")) {
      h = "localhost";
    } else if (h.contains(":") && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return URI.create("http://" + h + ":" + port());
  }

  /** Stops accepting requests and stops the server; idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      app.stop();
    }
  }

  private static String readServerVersion() {
    try (InputStream in = ModelServer.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read slipway-serving version.properties", e);
    }
  }
}
