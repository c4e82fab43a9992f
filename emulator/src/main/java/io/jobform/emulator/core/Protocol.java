package io.jobform.emulator.core;

/** The AWS wire protocols, which decide how a response and an error are shaped. */
public enum Protocol {
    /** Step Functions: X-Amz-Target, application/x-amz-json-1.0. */
    AWS_JSON_1_0,
    /** ECS, Resource Groups Tagging: X-Amz-Target, application/x-amz-json-1.1. */
    AWS_JSON_1_1,
    /** EventBridge Scheduler: REST paths, JSON bodies, error type in X-Amzn-ErrorType. */
    REST_JSON,
    /** IAM: form-encoded Action=, XML responses, ErrorResponse envelope. */
    QUERY,
    /** S3: REST paths, XML bodies, bare Error element. */
    REST_XML
}
