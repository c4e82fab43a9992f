package io.jobform.iam;

/** Something a role must be able to do at run time, and why. */
public record Need(String role, AccessRequest request, String why) {

    @Override
    public String toString() {
        return role + " needs " + request + " (" + why + ")";
    }
}
