package dev.portico.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.ReferenceTypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.ReferenceTypeSerializer;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.type.TypeBindings;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.type.TypeModifier;
import com.fasterxml.jackson.databind.util.NameTransformer;
import dev.portico.input.Omittable;
import java.lang.reflect.Type;

/**
 * Reads and writes {@link Omittable} as Jackson reads {@code Optional}, as a reference to its type argument, but
 * keeping the three states apart: a field left out is {@code absent}, {@code null} is {@code ofNull()}, anything
 * else is read by the type argument's own deserializer (so its errors keep their dotted path). Written, a value is
 * the value and the other two are {@code null}. Jackson builds these once per type, like every deserializer.
 */
final class OmittableModule extends SimpleModule {

    OmittableModule() {
        super("portico-omittable", Version.unknownVersion());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addTypeModifier(new AsReference());
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findReferenceDeserializer(
                    ReferenceType type,
                    DeserializationConfig config,
                    BeanDescription bean,
                    TypeDeserializer contentTypes,
                    JsonDeserializer<?> content) {
                return type.hasRawClass(Omittable.class) ? new Reader(type, null, contentTypes, content) : null;
            }
        });
        context.addSerializers(new Serializers.Base() {
            @Override
            public JsonSerializer<?> findReferenceSerializer(
                    SerializationConfig config,
                    ReferenceType type,
                    BeanDescription bean,
                    TypeSerializer contentTypes,
                    JsonSerializer<Object> content) {
                if (!type.hasRawClass(Omittable.class)) {
                    return null;
                }
                boolean staticTyping = contentTypes == null && config.isEnabled(MapperFeature.USE_STATIC_TYPING);
                return new Writer(type, staticTyping, contentTypes, content);
            }
        });
    }

    /** Tells Jackson that {@code Omittable<T>} refers to a {@code T}, as {@code Optional<T>} does. */
    private static final class AsReference extends TypeModifier {
        @Override
        public JavaType modifyType(JavaType type, Type jdkType, TypeBindings bindings, TypeFactory factory) {
            if (type.isReferenceType() || type.isContainerType() || !type.hasRawClass(Omittable.class)) {
                return type;
            }
            return ReferenceType.upgradeFrom(type, type.containedTypeOrUnknown(0));
        }
    }

    private static final class Reader extends ReferenceTypeDeserializer<Omittable<?>> {
        Reader(
                JavaType type,
                ValueInstantiator instantiator,
                TypeDeserializer contentTypes,
                JsonDeserializer<?> content) {
            super(type, instantiator, contentTypes, content);
        }

        @Override
        public Reader withResolved(TypeDeserializer contentTypes, JsonDeserializer<?> content) {
            return new Reader(_fullType, _valueInstantiator, contentTypes, content);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return Omittable.absent();
        }

        @Override
        public Omittable<?> getNullValue(DeserializationContext ctxt) {
            return Omittable.ofNull();
        }

        @Override
        public Omittable<?> referenceValue(Object contents) {
            return Omittable.ofNullable(contents);
        }

        @Override
        public Omittable<?> updateReference(Omittable<?> reference, Object contents) {
            return Omittable.ofNullable(contents);
        }

        @Override
        public Object getReferenced(Omittable<?> reference) {
            return reference.orElse(null);
        }
    }

    private static final class Writer extends ReferenceTypeSerializer<Omittable<?>> {
        Writer(ReferenceType type, boolean staticTyping, TypeSerializer contentTypes, JsonSerializer<Object> content) {
            super(type, staticTyping, contentTypes, content);
        }

        private Writer(
                Writer base,
                BeanProperty property,
                TypeSerializer contentTypes,
                JsonSerializer<?> content,
                NameTransformer unwrapper,
                Object suppressable,
                boolean suppressNulls) {
            super(base, property, contentTypes, content, unwrapper, suppressable, suppressNulls);
        }

        @Override
        protected Writer withResolved(
                BeanProperty property,
                TypeSerializer contentTypes,
                JsonSerializer<?> content,
                NameTransformer unwrapper) {
            return new Writer(this, property, contentTypes, content, unwrapper, _suppressableValue, _suppressNulls);
        }

        @Override
        public Writer withContentInclusion(Object suppressable, boolean suppressNulls) {
            return new Writer(
                    this, _property, _valueTypeSerializer, _valueSerializer, _unwrapper, suppressable, suppressNulls);
        }

        @Override
        protected boolean _isValuePresent(Omittable<?> value) {
            return value.isPresent();
        }

        @Override
        protected Object _getReferenced(Omittable<?> value) {
            return value.get();
        }

        @Override
        protected Object _getReferencedIfPresent(Omittable<?> value) {
            return value.orElse(null);
        }
    }
}
