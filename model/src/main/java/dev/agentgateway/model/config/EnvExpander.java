package dev.agentgateway.model.config;

import java.util.List;
import java.util.Map;

/**
 * Expands {@code $VAR} and {@code ${VAR}} in config strings; {@code $$} is a literal {@code $}.
 *
 * <p>Errors name the variable but never its value, which may be a secret.
 */
final class EnvExpander {
  private final Map<String, String> env;

  EnvExpander(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * Returns {@code text} with every reference replaced, or {@code null} after adding one error per
   * problem (unset variable, malformed reference) to {@code errors}.
   */
  String expand(String text, String path, List<ConfigError> errors) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean ok = true;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c != '$') {
        out.append(c);
        i++;
      } else if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = text.indexOf('}', i + 2);
        String name = close < 0 ? null : text.substring(i + 2, close);
        if (name == null || !isName(name)) {
          errors.add(
              new ConfigError(path, "malformed \"${...}\" reference (use $$ for a literal $)"));
          return null;
        }
        ok &= substitute(name, out, path, errors);
        i = close + 1;
      } else if (isNameStart(next)) {
        int end = i + 1;
        while (end < text.length() && isNamePart(text.charAt(end))) {
          end++;
        }
        ok &= substitute(text.substring(i + 1, end), out, path, errors);
        i = end;
      } else {
        out.append('$');
        i++;
      }
    }
    return ok ? out.toString() : null;
  }

  private boolean substitute(
      String name, StringBuilder out, String path, List<ConfigError> errors) {
    String value = env.get(name);
    if (value == null) {
      errors.add(new ConfigError(path, "environment variable \"" + name + "\" is not set"));
      return false;
    }
    out.append(value);
    return true;
  }

  private static boolean isName(String s) {
    if (s.isEmpty() || !isNameStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!isNamePart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
