package cn.shanghai.residence.gateway;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import cn.shanghai.residence.gateway.reference.ServiceClock;

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

    /** Residents' "today" in production: the system clock (the sandbox has its own, see SandboxConfiguration). */
    @Bean
    @ConditionalOnProperty(prefix = "gateway.sandbox", name = "enabled", havingValue = "false")
    ServiceClock serviceClock(Clock clock) {
        return new ServiceClock(clock);
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
