package org.registry.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.registry.kernel.common.RejectionException;

/** Matches a {@link RejectionException} by its stable code (and field, when given). */
public final class Rejections {

    private Rejections() {
    }

    public static Matcher<RejectionException> rejectedWith(String code) {
        return rejectedWith(code, null);
    }

    public static Matcher<RejectionException> rejectedWith(String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RejectionException e) {
                return e.rejection().code().equals(code) && (field == null || field.equals(e.rejection().field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a rejection with code ").appendValue(code);
                if (field != null) {
                    description.appendText(" on field ").appendValue(field);
                }
            }

            @Override
            protected void describeMismatchSafely(RejectionException e, Description description) {
                description.appendText("was ").appendValue(e.rejection());
            }
        };
    }
}
