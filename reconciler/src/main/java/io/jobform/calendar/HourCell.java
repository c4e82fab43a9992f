package io.jobform.calendar;

import java.time.LocalDate;
import java.util.Map;

/**
 * One cell of the heat-map: the runs starting in one wall-clock hour of the calendar's zone.
 *
 * @param jobs     job name to its starts in this hour, by name
 * @param clock    how the clock change of that day affects this hour
 */
public record HourCell(LocalDate date, int hour, int starts, double vcpu, Map<String, Integer> jobs, Clock clock) {

    /** A normal hour, one skipped by a spring-forward, or one lived twice after a fall-back. */
    public enum Clock { NORMAL, SKIPPED, REPEATED }
}
