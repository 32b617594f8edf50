package io.newsdesk.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every RestAssured exchange of the annotated test class is checked against the served OpenAPI document. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OpenApiValidation.PerTestClass.class)
public @interface CheckedAgainstOpenApi {
}
