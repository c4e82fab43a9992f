package io.jobform.emulator.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FargateSizesTest {

    @ParameterizedTest(name = "{0} CPU / {1} MiB -> {2}")
    @CsvSource({
        "256, 512, true", "256, 2048, true", "256, 3072, false",
        "512, 1024, true", "512, 4096, true", "512, 512, false", "512, 5120, false",
        "1024, 2048, true", "1024, 8192, true", "1024, 1024, false", "1024, 2560, false",
        "2048, 4096, true", "2048, 16384, true", "2048, 17408, false",
        "4096, 8192, true", "4096, 30720, true", "4096, 31744, false",
        "8192, 16384, true", "8192, 20480, true", "8192, 61440, true", "8192, 17408, false", "8192, 65536, false",
        "16384, 32768, true", "16384, 40960, true", "16384, 122880, true", "16384, 36864, false",
        "128, 512, false", "3072, 8192, false"})
    void knowsTheFargateTable(int cpu, int memory, boolean valid) {
        assertThat(FargateSizes.valid(cpu, memory)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"1024, 1024", "1 vCPU, 1024", "0.25 vcpu, 256", "16 vCPU, 16384"})
    void readsCpuInUnitsOrVcpu(String text, int units) {
        assertThat(FargateSizes.cpuUnits(text)).contains(units);
    }

    @ParameterizedTest
    @CsvSource({"2048, 2048", "2 GB, 2048", "0.5GB, 512"})
    void readsMemoryInMibOrGb(String text, int mib) {
        assertThat(FargateSizes.memoryMiB(text)).contains(mib);
    }
}
