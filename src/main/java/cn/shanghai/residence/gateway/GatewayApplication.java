package cn.shanghai.residence.gateway;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

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

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
