package dev.portico.clientgen;

import org.openapitools.codegen.languages.TypeScriptFetchClientCodegen;

/**
 * OpenAPI Generator's {@code typescript-fetch} generator, less the banner its {@code postProcess} prints on standard
 * output: a management command keeps standard output for its results and reports progress on standard error.
 * Public with a public constructor because the generator loads it by class name.
 */
public final class TypeScriptFetchGenerator extends TypeScriptFetchClientCodegen {
    /** The generator with typescript-fetch's defaults. */
    public TypeScriptFetchGenerator() {
        super();
    }

    @Override
    public void postProcess() {
        // the donation banner only
    }
}
