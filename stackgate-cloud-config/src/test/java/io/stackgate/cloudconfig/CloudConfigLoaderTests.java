package io.stackgate.cloudconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudConfigLoaderTests {

	@TempDir
	Path temp;

	Path workingDirectory;

	Path home;

	@BeforeEach
	void directories() throws IOException {
		this.workingDirectory = Files.createDirectories(this.temp.resolve("cwd"));
		this.home = Files.createDirectories(this.temp.resolve("home"));
	}

	@Test
	void readsTheNamedCloudFromTheFileInOsClientConfigFile() throws IOException {
		Path file = write(this.temp.resolve("custom.yaml"), """
				clouds:
				  devcloud:
				    auth:
				      auth_url: http://127.0.0.1:5000/v3
				      username: demo
				      password: s3cret
				      project_name: demo
				      user_domain_name: Default
				      project_domain_id: default
				    region_name: RegionOne
				    interface: internal
				""");
		CloudConfig config = load(Map.of("OS_CLOUD", "devcloud", "OS_CLIENT_CONFIG_FILE", file.toString()));
		assertThat(config.authUrl()).isEqualTo("http://127.0.0.1:5000/v3");
		assertThat(config.username()).isEqualTo("demo");
		assertThat(config.password()).isEqualTo("s3cret");
		assertThat(config.projectName()).isEqualTo("demo");
		assertThat(config.userDomain()).isEqualTo(new DomainRef(null, "Default"));
		assertThat(config.projectDomain()).isEqualTo(new DomainRef("default", null));
		assertThat(config.regionName()).isEqualTo("RegionOne");
		assertThat(config.endpointInterface()).isEqualTo("internal");
		assertThat(config.source()).contains("devcloud").contains(file.toString());
	}

	@Test
	void mergesSecureYamlIntoTheCloudAndPrefersTheWorkingDirectoryToHome() throws IOException {
		write(this.workingDirectory.resolve("clouds.yaml"), """
				clouds:
				  prod:
				    auth: {auth_url: 'https://keystone.example:5000/v3', username: gw, project_id: p-123}
				""");
		write(this.home.resolve(".config/openstack/clouds.yaml"), "clouds: {prod: {auth: {username: other}}}");
		write(this.home.resolve(".config/openstack/secure.yaml"), "clouds: {prod: {auth: {password: from-secure}}}");
		CloudConfig config = load(Map.of("OS_CLOUD", "prod"));
		assertThat(config.username()).isEqualTo("gw");
		assertThat(config.password()).isEqualTo("from-secure");
		assertThat(config.projectId()).isEqualTo("p-123");
		assertThat(config.userDomain()).isEqualTo(DomainRef.DEFAULT);
		assertThat(config.endpointInterface()).isEqualTo("public");
	}

	@Test
	void turnsVerificationOffForVerifyFalseAndForTheOlderInsecureTrueOnly() throws IOException {
		Path file = write(this.temp.resolve("tls.yaml"),
				"""
						clouds:
						  private-ca: {cacert: /etc/ssl/cloud-ca.pem, auth: {auth_url: 'https://c:5000/v3', username: u, password: p, project_id: x}}
						  no-verify: {verify: false, auth: {auth_url: 'https://c:5000/v3', username: u, password: p, project_id: x}}
						  insecure: {insecure: true, auth: {auth_url: 'https://c:5000/v3', username: u, password: p, project_id: x}}
						  not-insecure: {insecure: false, auth: {auth_url: 'https://c:5000/v3', username: u, password: p, project_id: x}}
						""");
		Map<String, String> env = Map.of("OS_CLIENT_CONFIG_FILE", file.toString());
		CloudConfigLoader loader = new CloudConfigLoader(env, this.workingDirectory, this.home);
		assertThat(loader.loadCloud("private-ca").caCert()).isEqualTo(Path.of("/etc/ssl/cloud-ca.pem"));
		assertThat(loader.loadCloud("private-ca").verify()).isTrue();
		assertThat(loader.loadCloud("no-verify").verify()).isFalse();
		assertThat(loader.loadCloud("insecure").verify()).isFalse();
		assertThat(loader.loadCloud("not-insecure").verify()).isTrue();
	}

	@Test
	void readsOpenrcVariablesWhenNoCloudIsNamed() {
		CloudConfig config = load(Map.of("OS_AUTH_URL", "http://keystone:5000/v3", "OS_USERNAME", "admin",
				"OS_PASSWORD", "pw", "OS_PROJECT_NAME", "admin", "OS_USER_DOMAIN_NAME", "Users",
				"OS_PROJECT_DOMAIN_NAME", "Projects", "OS_REGION_NAME", "RegionTwo", "OS_INSECURE", "true"));
		assertThat(config.userDomain()).isEqualTo(new DomainRef(null, "Users"));
		assertThat(config.projectDomain()).isEqualTo(new DomainRef(null, "Projects"));
		assertThat(config.regionName()).isEqualTo("RegionTwo");
		assertThat(config.verify()).isFalse();
	}

	@Test
	void saysWhatToSetWhenNothingIsConfigured() {
		assertThatExceptionOfType(CloudConfigException.class).isThrownBy(() -> load(Map.of()))
			.withMessageContaining("set OS_CLOUD");
	}

	@Test
	void namesTheMissingCloudAndTheFileSearched() throws IOException {
		Path file = write(this.temp.resolve("clouds.yaml"), "clouds: {other: {auth: {}}}");
		assertThatExceptionOfType(CloudConfigException.class)
			.isThrownBy(() -> load(Map.of("OS_CLOUD", "devcloud", "OS_CLIENT_CONFIG_FILE", file.toString())))
			.withMessage("Cloud 'devcloud' is not defined in " + file + " (OS_CLOUD)");
	}

	@Test
	void listsTheSearchPathWhenNoCloudsYamlExists() {
		assertThatExceptionOfType(CloudConfigException.class).isThrownBy(() -> load(Map.of("OS_CLOUD", "devcloud")))
			.withMessageContaining("no clouds.yaml was found")
			.withMessageContaining(this.workingDirectory.resolve("clouds.yaml").toString());
	}

	@Test
	void listsEveryMissingCredential() {
		assertThatExceptionOfType(CloudConfigException.class)
			.isThrownBy(() -> load(Map.of("OS_AUTH_URL", "http://keystone:5000/v3")))
			.withMessage("Incomplete OpenStack credentials in OS_* environment variables: missing username, password, "
					+ "project_name or project_id");
	}

	@Test
	void neverShowsThePasswordInToString() {
		CloudConfig config = load(Map.of("OS_AUTH_URL", "http://k/v3", "OS_USERNAME", "u", "OS_PASSWORD", "very-secret",
				"OS_PROJECT_ID", "p"));
		assertThat(config.toString()).doesNotContain("very-secret");
	}

	@Test
	void keepsAQuotedPasswordWhole() throws IOException {
		Path file = write(this.temp.resolve("clouds.yaml"), """
				clouds:
				  devcloud:
				    auth: # a comment
				      auth_url: http://k/v3
				      username: demo
				      password: "pa ss #not-a-comment"
				      project_name: demo
				""");
		CloudConfig config = load(Map.of("OS_CLOUD", "devcloud", "OS_CLIENT_CONFIG_FILE", file.toString()));
		assertThat(config.password()).isEqualTo("pa ss #not-a-comment");
	}

	@Test
	void loadsAnotherCloudOfTheSameFileWhateverOsCloudSays() throws IOException {
		Path file = write(this.temp.resolve("clouds.yaml"), """
				clouds:
				  devcloud: {auth: {auth_url: http://k/v3, username: demo, password: d, project_name: demo}}
				  devcloud-admin: {auth: {auth_url: http://k/v3, username: admin, password: a, project_name: admin}}
				""");
		CloudConfig admin = new CloudConfigLoader(
				Map.of("OS_CLOUD", "devcloud", "OS_CLIENT_CONFIG_FILE", file.toString()), this.workingDirectory,
				this.home)
			.loadCloud("devcloud-admin");
		assertThat(admin.username()).isEqualTo("admin");
		assertThat(admin.source()).contains("devcloud-admin");
	}

	private CloudConfig load(Map<String, String> env) {
		return new CloudConfigLoader(env, this.workingDirectory, this.home).load();
	}

	private static Path write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
