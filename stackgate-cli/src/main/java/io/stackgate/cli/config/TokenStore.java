package io.stackgate.cli.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import io.stackgate.cli.json.Json;
import io.stackgate.cli.json.JsonException;

/**
 * Keeps the login in {@code token.json} in the config directory, readable by its owner
 * only (mode 0600, in a directory created 0700). Written to a private temporary file
 * first and then moved, so the token is never readable by others, not even for a moment,
 * and a crash never leaves half a file.
 */
public final class TokenStore {

	private static final String FILE_NAME = "token.json";

	private final Path dir;

	/**
	 * Creates a store.
	 * @param dir the config directory, created when a login is saved
	 */
	public TokenStore(Path dir) {
		this.dir = dir;
	}

	/**
	 * The file the login is kept in.
	 * @return the path
	 */
	public Path file() {
		return this.dir.resolve(FILE_NAME);
	}

	/**
	 * Reads the login.
	 * @return the login, empty when there is none or the file cannot be read as one
	 */
	public Optional<StoredLogin> load() {
		try {
			String json = Files.readString(file(), StandardCharsets.UTF_8);
			StoredLogin login = Json.read(json, StoredLogin.class);
			return (login != null && login.token() != null) ? Optional.of(login) : Optional.empty();
		}
		catch (IOException | JsonException ex) {
			// No file (not logged in), or not one this version can read: either way, no
			// login.
			return Optional.empty();
		}
	}

	/**
	 * Stores a login, replacing the previous one.
	 * @param login the login
	 * @throws UncheckedIOException when the file cannot be written
	 */
	public void save(StoredLogin login) {
		try {
			createPrivateDirectory();
			Path temp = Files.createTempFile(this.dir, ".token", ".tmp", privateFile());
			try {
				Files.writeString(temp, Json.writePretty(login) + "\n", StandardCharsets.UTF_8);
				move(temp, file());
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store the login in " + file() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Forgets the login.
	 * @return whether there was one
	 * @throws UncheckedIOException when the file cannot be deleted
	 */
	public boolean delete() {
		try {
			return Files.deleteIfExists(file());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + file() + ": " + ex.getMessage(), ex);
		}
	}

	private void createPrivateDirectory() throws IOException {
		if (Files.isDirectory(this.dir)) {
			return;
		}
		try {
			Files.createDirectories(this.dir.toAbsolutePath().getParent());
			Files.createDirectory(this.dir, privateDirectory());
		}
		catch (FileAlreadyExistsException ex) {
			// Created meanwhile by another stackgate.
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private FileAttribute<?>[] privateFile() {
		return isPosix()
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
				: new FileAttribute<?>[0];
	}

	private FileAttribute<?>[] privateDirectory() {
		return isPosix()
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")) }
				: new FileAttribute<?>[0];
	}

	private boolean isPosix() {
		return this.dir.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
