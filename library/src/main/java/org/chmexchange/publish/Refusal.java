package org.chmexchange.publish;

/**
 * A target's refusal of one change for what it is (invalid, out of the token's scope, taken by
 * another publisher, or a change the target's protocol cannot carry): the change is set aside as a
 * {@link DeadLetter} and the others go on.
 *
 * @param status the HTTP status of the refusal (RFC 9110 section 15.5), or 501 for a change the
 *     protocol has no request for
 * @param problem the target's answer, at most {@link Publisher#PROBLEM_CHARS} characters; not null
 */
public record Refusal(int status, String problem) {
    /** Shortens the problem. */
    public Refusal {
        java.util.Objects.requireNonNull(problem, "problem");
        if (problem.length() > Publisher.PROBLEM_CHARS) {
            problem = problem.substring(0, Publisher.PROBLEM_CHARS);
        }
    }
}
