package io.stackgate.server.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.stackgate.server.cloud.CallContext;

/**
 * Gives controller methods a {@link CallContext} parameter: the session authentication
 * chose for the request (see {@link CallSessions}), the request id and its time budget
 * (see {@link RequestIdFilter}).
 */
class CallContextResolver implements HandlerMethodArgumentResolver {

	/** The request attribute that holds the request's time budget. */
	static final String BUDGET_ATTRIBUTE = CallContext.Budget.class.getName();

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CallContext.class;
	}

	@Override
	public CallContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		Object budget = request.getAttribute(BUDGET_ATTRIBUTE);
		return new CallContext(CallSessions.of(request), RequestIds.of(request),
				(budget instanceof CallContext.Budget started) ? started : new CallContext.Budget());
	}

}
