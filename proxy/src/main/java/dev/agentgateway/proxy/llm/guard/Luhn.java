package dev.agentgateway.proxy.llm.guard;

/** The Luhn (mod 10) check digit test, over the digits of a string (separators ignored). */
final class Luhn {
  private Luhn() {}

  static boolean valid(CharSequence text) {
    int sum = 0;
    int digits = 0;
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if (digits % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      digits++;
    }
    return digits > 0 && sum % 10 == 0;
  }
}
