package dev.syncline.api.identity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The password of a {@link RegisterRequest} meets the {@link PasswordPolicy}; reported on the field {@code password}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Validator.class)
public @interface AcceptablePassword {

    String message() default "is not acceptable";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the password against the email and name of the same request. */
    class Validator implements ConstraintValidator<AcceptablePassword, RegisterRequest> {

        @Override
        public boolean isValid(RegisterRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            return PasswordPolicy.check(request.password(), request.email(), request.displayName())
                    .map(problem -> {
                        context.disableDefaultConstraintViolation();
                        // A literal message: no interpolation, so nothing of the request can leak into it.
                        context.buildConstraintViolationWithTemplate(problem.replace("{", "").replace("$", ""))
                                .addPropertyNode("password")
                                .addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
