package io.stackgate.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Stackgate: an API gateway in front of an OpenStack cloud.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StackgateApplication {

	public static void main(String[] args) {
		SpringApplication.run(StackgateApplication.class, args);
	}

}
