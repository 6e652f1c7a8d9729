package com.calsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimedProcessTest {
    @Test
    void theChildrensUserAndSystemTimeAreAdded() {
        assertThat(TimedProcess.childrenCpuMillis("0m0.004s 0m0.001s\n1m2.250s 0m0.310s\n")).isEqualTo(62_560);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(TimedProcess.childrenCpuMillis("")).isEqualTo(-1);
        assertThat(TimedProcess.childrenCpuMillis("0m0.004s 0m0.001s\nsomething else\n")).isEqualTo(-1);
    }
}
