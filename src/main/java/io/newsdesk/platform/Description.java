package io.newsdesk.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a configuration key of a {@code @ConfigMapping} method means, for the generated table in
 * docs/configuration.md. Written here once instead of as Javadoc, so that the table can be derived from it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Description {

    String value();
}
