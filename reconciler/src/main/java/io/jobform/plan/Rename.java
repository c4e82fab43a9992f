package io.jobform.plan;

/**
 * A job that the plan deletes under one name and creates under another, told apart from an
 * unrelated create and delete. Presentation only: applying still creates the new job's
 * resources and deletes the old one's, under the usual prune guards.
 *
 * @param from the old job name
 * @param to   the new job name
 */
public record Rename(String from, String to, Evidence evidence) {

    public enum Evidence {
        /** The new job's manifest file is the one the old job's resources were made from. */
        SAME_FILE("same manifest file"),
        /** Every last applied field of the old job equals the new job's, but for the name. */
        SAME_CONTENT("same content but for metadata.name");

        private final String words;

        Evidence(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
