package io.stackgate.server.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem statuses a route gives besides those every route can give (401, 403, 429,
 * 500, 502, 503, 504): the OpenAPI document lists them on the operation, each with the
 * shared problem response of {@link OpenApiProblems}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemStatuses {

	/**
	 * @return the HTTP statuses, for example {@code 400} and {@code 404}
	 */
	int[] value();

}
