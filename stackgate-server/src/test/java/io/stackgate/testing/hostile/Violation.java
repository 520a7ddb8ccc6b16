package io.stackgate.testing.hostile;

/** One kind of violation of a promise, with its first example. */
public final class Violation {

	final int oracle;

	final String what;

	final String request;

	final int status;

	final String answer;

	int count = 1;

	Violation(int oracle, String what, String request, int status, String answer) {
		this.oracle = oracle;
		this.what = what;
		this.request = request;
		this.status = status;
		this.answer = answer;
	}

	@Override
	public String toString() {
		return "oracle " + this.oracle + " x" + this.count + ": " + this.what + "\n    request: " + this.request
				+ "\n    answer: " + this.status + " " + this.answer;
	}

}
