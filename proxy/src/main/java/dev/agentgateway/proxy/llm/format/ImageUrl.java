package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An OpenAI {@code image_url} value: either inline ({@code data:<type>;base64,<data>}) or remote.
 *
 * @param mediaType the media type of an inline image, null for a remote one
 * @param base64 the base64 data of an inline image, null for a remote one
 * @param url the remote URL, null for an inline image
 */
record ImageUrl(String mediaType, String base64, String url) {

  boolean inline() {
    return base64 != null;
  }

  /** Reads an OpenAI {@code image_url} content part ({@code {"url": ...}} or a bare string). */
  static ImageUrl of(JsonNode part, String where) {
    JsonNode image = part.get("image_url");
    String url =
        image == null ? null : image.isTextual() ? image.asText() : Json.text(image, "url");
    if (url == null || url.isEmpty()) {
      throw new FormatException(where + ".image_url.url is required");
    }
    if (!url.startsWith("data:")) {
      return new ImageUrl(null, null, url);
    }
    int comma = url.indexOf(',');
    String meta = comma < 0 ? "" : url.substring(5, comma);
    if (comma < 0 || !meta.endsWith(";base64")) {
      throw new FormatException(where + ".image_url.url must be a base64 data: URL");
    }
    String type = meta.substring(0, meta.length() - ";base64".length());
    return new ImageUrl(type.isEmpty() ? "image/png" : type, url.substring(comma + 1), null);
  }

  /** The data: URL for an inline image, or the remote URL. */
  static String toUrl(String mediaType, String base64) {
    return "data:" + mediaType + ";base64," + base64;
  }
}
