package io.stackgate.server;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Stackgate: an API gateway in front of an OpenStack cloud.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StackgateApplication {

	public static void main(String[] args) {
		SpringApplication.run(StackgateApplication.class, args);
	}

	/**
	 * The wall clock, for the beans that read the time (TTLs, expiries, circuits): a test
	 * puts a clock it moves in its place. Declared here, so that every slice test has it.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
