package dev.portico.redis.module;

import dev.portico.Module;
import dev.portico.Portico;
import dev.portico.config.Setting;
import dev.portico.redis.Redis;
import dev.portico.redis.RedisSettings;
import dev.portico.redis.cache.RedisResponseCache;
import dev.portico.redis.throttle.RedisThrottleStore;
import java.util.List;

/**
 * Redis for every instance of the application, installed in one call: with {@code redis.url}
 * ({@code PORTICO_REDIS_URL}) set, the throttles count and the cached responses live in Redis, shared by every
 * instance, with {@code redis.failure-policy} when it fails, and {@code /ready} checks it; without it the module
 * does nothing and they stay in this process's memory. Installing does not connect: the application connects when
 * it starts.
 * <pre>{@code
 * Portico.builder().config(config).install(RedisModule.create())
 * }</pre>
 */
public final class RedisModule implements Module {

    private RedisModule() {}

    /** The module; it reads the {@code redis.*} settings when installed. */
    public static RedisModule create() {
        return new RedisModule();
    }

    @Override
    public String name() {
        return "RedisModule.create()";
    }

    @Override
    public List<Setting<?>> settings() {
        return RedisSettings.ALL;
    }

    @Override
    public void install(Portico.Builder app) {
        Redis.create(app.config())
                .ifPresent(
                        redis -> app.onStartConcurrent(redis::connect) // Netty and the connection while the app builds
                                .onStop(redis)
                                .healthCheck(redis.healthCheck())
                                .throttleStore(RedisThrottleStore.create(redis))
                                .responseCache(RedisResponseCache.create(redis)));
    }
}
