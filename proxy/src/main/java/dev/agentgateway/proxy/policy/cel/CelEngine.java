package dev.agentgateway.proxy.policy.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.List;
import java.util.Objects;

/**
 * Compiles CEL expressions against upstream agentgateway's top-level variables. Build one per
 * process (building the environment costs milliseconds) and compile every expression once, when the
 * config is loaded; the resulting {@link CelExpression}s are immutable and thread-safe.
 */
public final class CelEngine {

  /**
   * Every top-level variable upstream's CEL context declares. All are maps of string to dynamic
   * values, so {@code jwt.nested.key} and {@code 'admin' in jwt.groups} type-check; a variable the
   * activation does not supply is unbound at run time, and an expression that needs it does not
   * evaluate to {@code true} (upstream: the JWT policy is off, so {@code jwt} is absent).
   */
  public static final List<String> VARIABLES =
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

  /**
   * Bounds any one comprehension ({@code exists}, {@code all}, {@code map}, ...): claims and
   * headers are small, so a larger count means a hostile input, not a real policy.
   */
  static final int MAX_COMPREHENSION_ITERATIONS = 10_000;

  private final Cel cel;
  private final CompileListener listener;

  private CelEngine(Cel cel, CompileListener listener) {
    this.cel = cel;
    this.listener = listener;
  }

  /** An engine with upstream's variables and the strings and math extensions. */
  public static CelEngine create() {
    return create(expression -> {});
  }

  /** Like {@link #create()}, telling {@code listener} about every compilation. */
  public static CelEngine create(CompileListener listener) {
    Objects.requireNonNull(listener, "listener");
    CelOptions options =
        CelOptions.current()
            // JSON numbers arrive as either int or double; `jwt.level > 2` must work for both.
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
            .build();
    CelBuilder builder =
        CelFactory.standardCelBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings(), CelExtensions.math(options))
            .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.math(options));
    MapType object = MapType.create(SimpleType.STRING, SimpleType.DYN);
    for (String variable : VARIABLES) {
      builder.addVar(variable, object);
    }
    return new CelEngine(builder.build(), listener);
  }

  /**
   * Compiles {@code expression} into a program evaluated per request.
   *
   * @throws CelCompileException if it does not parse or type-check
   */
  public CelExpression compile(String expression) {
    return new CelExpression(expression, program(expression, false));
  }

  /**
   * Compiles a rule: like {@link #compile}, and also refuses an expression whose type is known not
   * to be a bool ({@code mcp.tool.name}, {@code 1 + 2}), which could never match.
   *
   * @throws CelCompileException if it does not parse or type-check, or cannot be a bool
   */
  public CelExpression compilePredicate(String expression) {
    return new CelExpression(expression, program(expression, true));
  }

  private CelRuntime.Program program(String expression, boolean predicate) {
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new CelCompileException(expression, "the expression is empty");
    }
    listener.compiled(expression);
    CelValidationResult result = cel.compile(expression);
    if (result.hasError()) {
      throw new CelCompileException(expression, result.getErrorString());
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      CelKind kind = ast.getResultType().kind();
      if (predicate && kind != CelKind.BOOL && kind != CelKind.DYN && kind != CelKind.ANY) {
        throw new CelCompileException(
            expression, "a rule must evaluate to a bool, this is a " + ast.getResultType().name());
      }
      return cel.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new CelCompileException(expression, e.getMessage());
    }
  }

  /** Told about each compilation: a seam for tests and metrics (programs must be reused). */
  @FunctionalInterface
  public interface CompileListener {
    /** {@code expression} is about to be compiled. */
    void compiled(String expression);
  }
}
