package dev.portico.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import dev.portico.input.Fields;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

/**
 * Tells Jackson which record components are required, by {@link Fields#required} (read-only ones never are),
 * so a JSON body missing one is "This field is required." and one sending {@code null} for it is "This field
 * may not be null.", each under its dotted path. Jackson asks once per type, when it builds the type's
 * deserializer, and keeps the answer: nothing is looked up per request.
 */
final class FieldRules extends JacksonAnnotationIntrospector {

    @Override
    public Boolean hasRequiredMarker(AnnotatedMember member) {
        Boolean declared = super.hasRequiredMarker(member);
        if (declared != null) {
            return declared;
        }
        RecordComponent component = component(member);
        return component == null ? null : required(component);
    }

    @Override
    public JsonSetter.Value findSetterInfo(Annotated annotated) {
        JsonSetter.Value declared = super.findSetterInfo(annotated);
        if (annotated instanceof AnnotatedMember member && declared.getValueNulls() == Nulls.DEFAULT) {
            RecordComponent component = component(member);
            if (component != null && required(component)) {
                return declared.withValueNulls(Nulls.FAIL);
            }
        }
        return declared;
    }

    private static boolean required(RecordComponent component) {
        return Fields.required(component) && !Fields.readOnly(component);
    }

    /** The record component a creator parameter, field or accessor stands for; null outside records. */
    private static RecordComponent component(AnnotatedMember member) {
        Class<?> owner = member.getDeclaringClass();
        if (owner == null || !owner.isRecord()) {
            return null;
        }
        RecordComponent[] components = owner.getRecordComponents();
        if (member instanceof AnnotatedParameter parameter) {
            return parameter.getOwner().getMember() instanceof Constructor<?> constructor
                            && constructor.getParameterCount() == components.length
                    ? components[parameter.getIndex()]
                    : null;
        }
        if (member instanceof AnnotatedField
                || member instanceof AnnotatedMethod method && method.getParameterCount() == 0) {
            for (RecordComponent component : components) {
                if (component.getName().equals(member.getName())) {
                    return component;
                }
            }
        }
        return null;
    }
}
