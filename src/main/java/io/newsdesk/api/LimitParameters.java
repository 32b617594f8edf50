package io.newsdesk.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The limit parameters of the article list and of the feed, as two components of the OpenAPI document: they share
 * the parameter name {@code limit}, which annotations would use as the key of both, and each is bounded by its own
 * settings. Read before the annotations, so the resources reference them by key. Their bounds here are the settings'
 * defaults (the document the build writes); {@link PageSizesDocument} states the configured ones in the served one.
 */
public class LimitParameters implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addParameter(ApiDocument.ARTICLES_LIMIT, limit("Articles per page, from 1 to "
                        + "newsdesk.articles.max-page-size; newsdesk.articles.default-page-size when absent"))
                .addParameter(ApiDocument.FEED_LIMIT, limit("Stories per page, from 1 to "
                        + "newsdesk.feed.max-page-size; newsdesk.feed.default-page-size when absent")));
    }

    private static Parameter limit(String description) {
        return OASFactory.createParameter().name("limit").in(Parameter.In.QUERY).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)
                        .maximum(new BigDecimal(QueryParameters.MAX_PAGE_SIZE))
                        .defaultValue(Integer.valueOf(QueryParameters.DEFAULT_PAGE_SIZE)));
    }
}
