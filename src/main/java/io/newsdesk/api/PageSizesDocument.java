package io.newsdesk.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * States each list's configured page sizes (newsdesk.articles.*, newsdesk.feed.*) as its limit parameter's maximum
 * and default in the served document, once at start-up: the build knows only the defaults. It asks the query parsers
 * themselves, so the document bounds limit exactly as they do.
 */
@Singleton
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PageSizesDocument implements OASFilter {

    private final Instance<PageSizes> lists;

    PageSizesDocument(Instance<PageSizes> lists) {
        this.lists = lists;
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        for (PageSizes list : lists) {
            Schema limit = document.getComponents().getParameters().get(list.limitParameter()).getSchema();
            limit.setMaximum(BigDecimal.valueOf(list.maxPageSize()));
            limit.setDefaultValue(list.defaultPageSize());
        }
    }
}
