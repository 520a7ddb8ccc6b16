package io.stackgate.bench.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.CloudConfigException;
import io.stackgate.cloudconfig.CloudConfigLoader;

/**
 * The command line the benchmarks share ({@code --url}, {@code --gateway-pid},
 * {@code --clouds-yaml}, {@code --cloud}, {@code --ready-timeout}, {@code --check}), plus
 * the options each one registers. The cloud is read the way the gateway reads it
 * (stackgate-cloud-config), {@code --clouds-yaml} and {@code --cloud} standing for
 * {@code OS_CLIENT_CONFIG_FILE} and {@code OS_CLOUD}.
 */
public final class BenchOptions {

	private final Map<String, Consumer<String>> options = new LinkedHashMap<>();

	private final Map<String, Runnable> flags = new LinkedHashMap<>();

	private BooleanSupplier urlNeeded = () -> true;

	private final Map<String, String> env = new HashMap<>(System.getenv());

	private URI url;

	private long gatewayPid = -1;

	private Duration readyTimeout = Duration.ofSeconds(180);

	private boolean check;

	private CloudConfig cloud;

	public BenchOptions() {
		value("--url", (v) -> this.url = URI.create(v.replaceAll("/+$", "")));
		value("--gateway-pid", (v) -> this.gatewayPid = Long.parseLong(v));
		value("--clouds-yaml", (v) -> this.env.put("OS_CLIENT_CONFIG_FILE", v));
		value("--cloud", (v) -> this.env.put("OS_CLOUD", v));
		value("--ready-timeout", (v) -> this.readyTimeout = seconds(1, v, "--ready-timeout"));
	}

	/** Registers an option that takes a value. */
	public BenchOptions value(String name, Consumer<String> setter) {
		this.options.put(name, setter);
		return this;
	}

	/** Registers an option that takes no value. */
	public BenchOptions flag(String name, Runnable setter) {
		this.flags.put(name, setter);
		return this;
	}

	/**
	 * Makes {@code --url} optional when {@code notNeeded} says so after parsing (a run
	 * that needs no gateway).
	 */
	public BenchOptions urlNotNeededWhen(BooleanSupplier notNeeded) {
		this.urlNeeded = () -> !notNeeded.getAsBoolean();
		return this;
	}

	/**
	 * Parses the arguments; {@code --help} prints the usage and exits 0, a bad argument
	 * prints it and exits 2.
	 * @param program the benchmark's name, for messages
	 * @param usage its usage text
	 * @param args the arguments
	 */
	public void parseOrExit(String program, String usage, String[] args) {
		if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
			System.out.println(usage);
			System.exit(0);
		}
		try {
			parse(args);
		}
		catch (IllegalArgumentException | CloudConfigException ex) {
			System.err.println(program + ": " + ex.getMessage());
			System.err.println(usage);
			System.exit(2);
		}
	}

	void parse(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (name.equals("--check")) {
				this.check = true;
				continue;
			}
			if (this.flags.containsKey(name)) {
				this.flags.get(name).run();
				continue;
			}
			Consumer<String> setter = this.options.get(name);
			if (setter == null) {
				throw new IllegalArgumentException("unknown option " + name);
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(name + " needs a value");
			}
			setter.accept(args[++i]);
		}
		if (this.url == null && this.urlNeeded.getAsBoolean()) {
			throw new IllegalArgumentException("--url is required");
		}
		Path home = Path.of(System.getProperty("user.home"));
		this.cloud = new CloudConfigLoader(this.env, Path.of("").toAbsolutePath(), home).load();
	}

	/** The gateway; {@code null} only when {@link #urlNotNeededWhen} allowed it. */
	public URI url() {
		return this.url;
	}

	/** The gateway's process id, or -1 when not given. */
	public long gatewayPid() {
		return this.gatewayPid;
	}

	public Duration readyTimeout() {
		return this.readyTimeout;
	}

	/** Whether a missed target makes the exit status 3. */
	public boolean check() {
		return this.check;
	}

	public CloudConfig cloud() {
		return this.cloud;
	}

	/**
	 * @return {@code value} as a whole number of at least {@code min}
	 */
	public static int atLeast(int min, String value, String name) {
		try {
			int n = Integer.parseInt(value);
			if (n >= min) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(name + " takes a whole number of at least " + min + ", not '" + value + "'");
	}

	/**
	 * @return {@code value} whole seconds, at least {@code min}
	 */
	public static Duration seconds(int min, String value, String name) {
		return Duration.ofSeconds(atLeast(min, value, name));
	}

}
