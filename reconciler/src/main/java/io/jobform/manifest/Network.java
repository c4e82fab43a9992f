package io.jobform.manifest;

import java.util.List;

/** The awsvpc network configuration of the task. */
public record Network(List<String> subnets, List<String> securityGroups, boolean assignPublicIp) {}
