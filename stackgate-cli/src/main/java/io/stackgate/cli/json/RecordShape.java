package io.stackgate.cli.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The components, JSON names and canonical constructor of one record class. */
final class RecordShape {

	private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

	private final RecordComponent[] components;

	private final String[] names;

	private final Constructor<?> constructor;

	/**
	 * @return the shape of a record class, read once
	 */
	static RecordShape of(Class<?> cls) {
		return SHAPES.computeIfAbsent(cls, RecordShape::new);
	}

	private RecordShape(Class<?> cls) {
		this.components = cls.getRecordComponents();
		this.names = new String[this.components.length];
		Class<?>[] types = new Class<?>[this.components.length];
		for (int i = 0; i < this.components.length; i++) {
			this.names[i] = jsonName(this.components[i]);
			types[i] = this.components[i].getType();
		}
		try {
			this.constructor = cls.getDeclaredConstructor(types);
			this.constructor.setAccessible(true);
			for (RecordComponent component : this.components) {
				component.getAccessor().setAccessible(true);
			}
		}
		catch (NoSuchMethodException ex) {
			throw new JsonException("no canonical constructor in " + cls.getName(), ex);
		}
	}

	/**
	 * {@code @JsonProperty} (it reaches the accessor from the record component), else
	 * snake_case.
	 */
	private static String jsonName(RecordComponent component) {
		JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
		if (property != null && !property.value().isEmpty()) {
			return property.value();
		}
		return RecordBinder.snakeCase(component.getName());
	}

	Object create(Map<?, ?> tree) {
		Object[] args = new Object[this.components.length];
		for (int i = 0; i < args.length; i++) {
			Object value = tree.get(this.names[i]);
			if (value == null) {
				value = tree.get(this.components[i].getName());
			}
			try {
				args[i] = RecordBinder.bind(value, this.components[i].getGenericType());
			}
			catch (JsonException ex) {
				throw new JsonException(this.names[i] + ": " + ex.getMessage(), ex);
			}
		}
		try {
			return this.constructor.newInstance(args);
		}
		catch (InvocationTargetException ex) {
			throw new JsonException("cannot create " + this.constructor.getName(), ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new JsonException("cannot create " + this.constructor.getName(), ex);
		}
	}

	Map<String, Object> toTree(Record record) {
		Map<String, Object> tree = new LinkedHashMap<>();
		for (int i = 0; i < this.components.length; i++) {
			try {
				Object value = this.components[i].getAccessor().invoke(record);
				if (value != null) {
					tree.put(this.names[i], RecordBinder.toTree(value));
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new JsonException("cannot read " + this.components[i], ex);
			}
		}
		return tree;
	}

}
