package dev.agentgateway.proxy;

import java.nio.file.Path;

/**
 * The parsed command line.
 *
 * @param file {@code -f/--file}, or {@code null}
 * @param configText {@code -c/--config} inline YAML, or {@code null}
 * @param validateOnly {@code --validate-only}: check the config and exit
 * @param version {@code -V/--version}
 * @param help {@code -h/--help}
 */
record CommandLine(
    Path file, String configText, boolean validateOnly, boolean version, boolean help) {

  static final String USAGE =
      """
      usage: agentgateway [-f <file> | -c <yaml>] [--validate-only]
             agentgateway -V | --version
             agentgateway -h | --help

        -f, --file <file>    run the config in <file> (reloaded when the file changes)
        -c, --config <yaml>  run the config given inline (not reloaded)
            --validate-only  check the config, print every error, and exit (0 when valid)
        -V, --version        print the version and exit
        -h, --help           print this help and exit

      With neither -f nor -c, agentgateway runs a built-in demo: port 3000 routes to a small
      demo backend on 127.0.0.1:3001 (try: curl localhost:3000/).""";

  /** A command line that cannot be run; {@link ProxyMain} prints the usage and exits 2. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** True when no config was given, so the built-in default (and demo backend) runs. */
  boolean usesDefaultConfig() {
    return file == null && configText == null;
  }

  static CommandLine parse(String... args) throws UsageException {
    Path file = null;
    String text = null;
    boolean validateOnly = false;
    boolean version = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String inline = null;
      int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
      if (eq > 0) {
        inline = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      switch (arg) {
        case "-f", "--file" -> {
          if (file != null || text != null) {
            throw new UsageException("give one config: -f/--file or -c/--config, once");
          }
          String value = inline != null ? inline : value(args, ++i, arg);
          file = Path.of(value);
        }
        case "-c", "--config" -> {
          if (file != null || text != null) {
            throw new UsageException("give one config: -f/--file or -c/--config, once");
          }
          text = inline != null ? inline : value(args, ++i, arg);
        }
        case "--validate-only" -> validateOnly = noValue(inline, arg);
        case "-V", "--version" -> version = noValue(inline, arg);
        case "-h", "--help" -> help = noValue(inline, arg);
        default ->
            throw new UsageException(
                arg.startsWith("-")
                    ? "unknown option: " + arg
                    : "unexpected argument: " + arg + " (did you mean -f " + arg + "?)");
      }
    }
    return new CommandLine(file, text, validateOnly, version, help);
  }

  private static String value(String[] args, int i, String flag) throws UsageException {
    if (i >= args.length || args[i].isEmpty()) {
      throw new UsageException(flag + " needs a value");
    }
    return args[i];
  }

  private static boolean noValue(String inline, String flag) throws UsageException {
    if (inline != null) {
      throw new UsageException(flag + " takes no value");
    }
    return true;
  }
}
