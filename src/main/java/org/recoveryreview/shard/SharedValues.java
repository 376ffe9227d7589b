package org.recoveryreview.shard;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ReferenceType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.model.FlagFinding;
import org.recoveryreview.model.FmaWindow;
import org.recoveryreview.model.GoalProgress;
import org.recoveryreview.model.LastMeasured;
import org.recoveryreview.model.OnsetFact;

/**
 * One instance per distinct small value while a merge reads the shards' partial results: every
 * patient's metrics repeat the same dates, optional scores, clinic and therapist names, goal
 * ratings and onset facts, and a merge holds every patient at once, so sharing equal immutable
 * values is what keeps its heap small (at 50,000 patients the copies were about half of it). Values
 * are shared by {@code equals}, which for these types is exact (a {@code Double} by its bits).
 */
final class SharedValues extends BeanDeserializerModifier {
  private static final Set<Class<?>> SHARED =
      Set.of(
          String.class,
          LocalDate.class,
          YearMonth.class,
          OptionalInt.class,
          OptionalLong.class,
          OptionalDouble.class,
          GoalProgress.Review.class,
          OnsetFact.class,
          FmaWindow.class,
          FlagFinding.class,
          LastMeasured.class);

  private final Map<Object, Object> seen = new ConcurrentHashMap<>();

  private SharedValues() {}

  /** A module that shares equal values among everything one mapper reads; one per merge. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("shared-values");
    module.setDeserializerModifier(new SharedValues());
    return module;
  }

  @Override
  public JsonDeserializer<?> modifyDeserializer(
      DeserializationConfig config, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
    return SHARED.contains(beanDesc.getBeanClass())
        ? new Sharing(deserializer, seen)
        : deserializer;
  }

  /** {@code Optional<T>}: shared as a whole, so its value is too. */
  @Override
  public JsonDeserializer<?> modifyReferenceDeserializer(
      DeserializationConfig config,
      ReferenceType type,
      BeanDescription beanDesc,
      JsonDeserializer<?> deserializer) {
    return new Sharing(deserializer, seen);
  }

  private static final class Sharing extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;
    private final transient Map<Object, Object> seen;

    Sharing(JsonDeserializer<?> delegate, Map<Object, Object> seen) {
      super(delegate);
      this.seen = seen;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Sharing(delegate, seen);
    }

    @Override
    public @Nullable Object deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      return shared(_delegatee.deserialize(p, ctxt));
    }

    @Override
    public @Nullable Object deserializeWithType(
        JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
        throws IOException {
      return shared(_delegatee.deserializeWithType(p, ctxt, typeDeserializer));
    }

    @Override
    public @Nullable Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      return shared(_delegatee.getNullValue(ctxt));
    }

    /** Null (a JSON null) stays null; any other value becomes the equal one seen first. */
    private @Nullable Object shared(@Nullable Object value) {
      return value == null ? null : seen.computeIfAbsent(value, v -> v);
    }
  }
}
