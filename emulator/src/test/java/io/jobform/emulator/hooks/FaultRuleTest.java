package io.jobform.emulator.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FaultRuleTest {
    private record Call(String key, String resource) {}

    private static final List<Call> CALLS = List.of(
            new Call("s3:PutObject", "b/_jobform/lease.json"),
            new Call("s3:PutObject", "b/_jobform/status/a.json"),
            new Call("s3:DeleteObject", "b/_jobform/status/a.json"),
            new Call("s3:PutObject", "b/_jobform/status/b.json"),
            new Call("s3:PutObject", "b/_jobform/status/c.json"));

    static Stream<Arguments> rules() {
        Fault c = Fault.CONFLICT;
        return Stream.of(
                Arguments.of("nth without resource counts every call of the key",
                        FaultRule.nth("s3:PutObject", Optional.empty(), 2, c), List.of(false, true, false, false, false)),
                Arguments.of("nth with resource counts only matching calls",
                        FaultRule.nth("s3:PutObject", Optional.of("b/_jobform/status/.*"), 2, c),
                        List.of(false, false, false, true, false)),
                Arguments.of("always fails every matching call",
                        FaultRule.always("s3:PutObject", Optional.of("b/_jobform/status/.*"), c),
                        List.of(false, true, false, true, true)),
                Arguments.of("the resource must match whole",
                        FaultRule.always("*", Optional.of("_jobform/lease.json"), c),
                        List.of(false, false, false, false, false)),
                Arguments.of("* with a resource crosses operations",
                        FaultRule.always("*", Optional.of("b/_jobform/status/a\\.json"), c),
                        List.of(false, true, true, false, false)),
                Arguments.of("fraction 1 with resource fails matching calls only",
                        FaultRule.random("s3:PutObject", Optional.of(".*lease.*"), 1.0, 7, c),
                        List.of(true, false, false, false, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void firesOnExactlyTheExpectedCalls(String name, FaultRule rule, List<Boolean> expected) {
        List<Boolean> fired = CALLS.stream().map(call -> rule.apply(call.key(), call.resource()).isPresent()).toList();
        assertThat(fired).isEqualTo(expected);
    }
}
