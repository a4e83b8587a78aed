package org.registry.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.registry.kernel.common.Require;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of a request, or a text parameter: at most {@link #max} characters, one line unless it is a
 * {@link #note}, and nothing else that no text may hold ({@link Require#textProblem}, the rule the commands apply
 * too). Blank is left to {@code @NotBlank} where the field is required. The API description states the bound as
 * the field's {@code maxLength}.
 */
@Documented
@Constraint(validatedBy = Text.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
        ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    /** The most characters (code points) the text may have, once trimmed. */
    int max();

    /** A note may span lines (line breaks and tabs); other text is one line. */
    boolean note() default false;

    String message() default "is not valid text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, String> {

        private int max;
        private boolean note;

        @Override
        public void initialize(Text text) {
            this.max = text.max();
            this.note = text.note();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = value == null ? null : Require.textProblem(value.strip(), max, note);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // the problem is one of Require's sentences, which never repeat the text (no template to interpolate)
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
