package io.newsdesk.security;

import io.newsdesk.platform.Description;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** newsdesk.security.*: the API key that protects the API. */
@ConfigMapping(prefix = "newsdesk.security")
public interface SecurityConfig {

    @Description("With a key set, POST/PUT/PATCH/DELETE under /api/ need it, as X-Api-Key header or "
            + "Authorization: Bearer. Unset: the API is open. Set it by environment variable or secret, never logged.")
    Optional<String> apiKey();

    @Description("With an API key set, reads (GET, HEAD, OPTIONS) under /api/ need it too, and so do the reader's "
            + "pages (/ and /stories/{id}), which show the same data.")
    @WithDefault("false")
    boolean protectReads();
}
