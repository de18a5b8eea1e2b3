package dev.portico.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run atomically by Redis, sent by its SHA-1 ({@code EVALSHA}) and in full only when the server does not
 * know it yet (first use, or after a restart emptied its script cache).
 */
public final class RedisScript {
    private final String source;
    private final String sha;
    private final ScriptOutputType output;

    private RedisScript(String source, ScriptOutputType output) {
        this.source = source;
        this.output = output;
        try {
            this.sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /** A script whose reply Lettuce reads as {@code output} ({@code MULTI} for a list, {@code INTEGER}, ...). */
    public static RedisScript of(String source, ScriptOutputType output) {
        return new RedisScript(source, output);
    }

    /** Runs the script on {@code commands} with {@code keys} and {@code args}. */
    public <T> T run(RedisCommands<String, String> commands, String[] keys, String... args) {
        try {
            return commands.evalsha(sha, output, keys, args);
        } catch (RedisNoScriptException e) {
            return commands.eval(source, output, keys, args);
        }
    }
}
