package dev.agentgateway.control.translate.policy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.List;

/**
 * Compiles a policy's CEL expressions against the variables the proxy declares, so an expression
 * the proxy would refuse is refused in the policy's status instead (and never reaches a proxy).
 */
final class CelCheck {
  /** Upstream's top-level CEL variables, as the proxy's engine declares them. */
  static final List<String> VARIABLES =
      List.of(
          "request",
          "response",
          "source",
          "destination",
          "jwt",
          "apiKey",
          "basicAuth",
          "mcp",
          "llm",
          "backend",
          "extauthz",
          "extproc",
          "metadata",
          "env",
          "proxy");

  private final Cel cel;

  /** The one environment: immutable once built, and building it costs milliseconds. */
  static CelCheck shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final CelCheck INSTANCE = new CelCheck();
  }

  private CelCheck() {
    CelOptions options = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    CelBuilder builder =
        CelFactory.standardCelBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings(), CelExtensions.math(options));
    MapType object = MapType.create(SimpleType.STRING, SimpleType.DYN);
    for (String variable : VARIABLES) {
      builder.addVar(variable, object);
    }
    this.cel = builder.build();
  }

  /** Why {@code expression} does not compile, or null when it does. */
  String problem(String expression) {
    if (expression == null || expression.isBlank()) {
      return "the expression is empty";
    }
    CelValidationResult result = cel.compile(expression);
    if (!result.hasError()) {
      return null;
    }
    // The first line says what is wrong and where; the rest draws a caret under the source.
    String error = result.getErrorString().strip();
    int newline = error.indexOf('\n');
    return newline < 0 ? error : error.substring(0, newline);
  }
}
