package io.stackgate.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class StackgateApplication {
	public static void main(String[] args) {
		SpringApplication.run(StackgateApplication.class, args);
	}
}
