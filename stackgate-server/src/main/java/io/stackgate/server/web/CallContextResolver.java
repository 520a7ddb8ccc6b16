package io.stackgate.server.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudSession;

/**
 * Gives controller methods a {@link CallContext} parameter: the session to call the cloud with and the request
 * id.
 */
class CallContextResolver implements HandlerMethodArgumentResolver {

	private final CloudSession serviceSession;

	CallContextResolver(CloudSession serviceSession) {
		this.serviceSession = serviceSession;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CallContext.class;
	}

	@Override
	public CallContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		return new CallContext(this.serviceSession, RequestIds.of(request));
	}

}
