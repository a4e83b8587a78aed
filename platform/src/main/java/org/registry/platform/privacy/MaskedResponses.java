package org.registry.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.registry.platform.security.CurrentUser;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every JSON answer to a reader who may not see personal data (an analyst) is written with its
 * {@code @PersonalData} fields masked: ledgers, drill-down lists, registers, whatever a later endpoint returns.
 * Endpoints need not remember to mask; answers built as JSON already ({@link JsonNode}: the audit trail masks while
 * it builds them) pass as they are.
 */
@RestControllerAdvice
class MaskedResponses implements ResponseBodyAdvice<Object> {

    private final PersonalDataMasking masking;

    MaskedResponses(PersonalDataMasking masking) {
        this.masking = masking;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body == null || body instanceof JsonNode || body instanceof ProblemDetail) {
            return body;
        }
        return CurrentUser.find().filter(PersonalDataMasking::masksFor)
                          .<Object>map(reader -> masking.toJson(body, true))
                          .orElse(body);
    }
}
