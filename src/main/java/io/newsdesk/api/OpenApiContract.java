package io.newsdesk.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * What the annotations cannot say in the OpenAPI document: that an article gives exactly one of body and html, that
 * every /api operation may need the API key (only when one is configured, hence the empty alternative), and the type
 * beside a nullable reference (OpenAPI 3.0 ignores {@code nullable} without {@code type}, so a null enum value would
 * not validate); and an answer given by reference carries nothing beside its {@code $ref} (SmallRye adds the
 * generated "OK" description to the 200 of a POST, which OpenAPI 3.0 would ignore and linters flag).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI document) {
        Schema submission = document.getComponents().getSchemas().get("ArticleSubmission");
        if (submission != null) {
            submission.setOneOf(List.of(
                    OASFactory.createSchema().required(List.of("body", "title")),
                    OASFactory.createSchema().required(List.of("html"))));
        }
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        schemas.values().stream().filter(schema -> schema.getProperties() != null)
                .flatMap(schema -> schema.getProperties().values().stream())
                .filter(property -> property.getAnyOf() != null)
                .forEach(property -> inlineNullableReference(property, schemas));
        List<SecurityRequirement> keyWhenConfigured = List.of(
                OASFactory.createSecurityRequirement().addScheme(ApiDocument.API_KEY),
                OASFactory.createSecurityRequirement().addScheme(ApiDocument.BEARER),
                OASFactory.createSecurityRequirement());
        document.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(operation -> operation.setSecurity(keyWhenConfigured));
            }
        });
    }

    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        if (response.getRef() != null) {
            response.setDescription(null);
        }
        return response;
    }

    /**
     * SmallRye writes a nullable reference as {@code allOf: [$ref], nullable: true} in OpenAPI 3.0, which validators
     * read as "never null" (nullable applies only beside a type, and an enum must list null itself): the referenced enum or
     * date-time is copied into the property instead, with null allowed.
     */
    private static void inlineNullableReference(Schema property, Map<String, Schema> schemas) {
        boolean nullable = property.getAnyOf().stream()
                .anyMatch(schema -> List.of(Schema.SchemaType.NULL).equals(schema.getType()));
        Schema target = property.getAnyOf().stream().map(Schema::getRef).filter(ref -> ref != null)
                .map(ref -> schemas.get(ref.substring(ref.lastIndexOf('/') + 1)))
                .filter(schema -> schema != null && schema.getType() != null && schema.getProperties() == null)
                .findFirst().orElse(null);
        if (!nullable || target == null) {
            return;
        }
        List<Schema.SchemaType> types = new ArrayList<>(target.getType());
        types.add(Schema.SchemaType.NULL);
        property.setAnyOf(null);
        property.setType(types);
        property.setFormat(target.getFormat());
        if (target.getEnumeration() != null) {
            List<Object> values = new ArrayList<>(target.getEnumeration());
            values.add(null);
            property.setEnumeration(values);
        }
    }
}
