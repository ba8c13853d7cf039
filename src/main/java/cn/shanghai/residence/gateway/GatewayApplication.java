package cn.shanghai.residence.gateway;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import cn.shanghai.residence.gateway.reference.ServiceClock;
import cn.shanghai.residence.stubs.world.SandboxClock;

/** Entry point: one GraphQL endpoint over the police, housing, bdc and postal back-ends. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Shanghai time: "today" decides eligibility dates, reminders and due dates. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(SHANGHAI);
    }

    /**
     * Residents' "today": the sandbox clock where the sandbox runs (SandboxConfiguration makes one), the system clock
     * otherwise; one bean whatever the spelling of {@code gateway.sandbox.enabled}.
     */
    @Bean
    ServiceClock serviceClock(Clock clock, ObjectProvider<SandboxClock> sandbox) {
        SandboxClock sandboxClock = sandbox.getIfAvailable();
        return new ServiceClock(sandboxClock != null ? sandboxClock : clock);
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
