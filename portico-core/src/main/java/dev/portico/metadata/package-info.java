/**
 * What an API path says about itself, derived once at startup from its endpoints: the fields of its inputs and
 * outputs ({@link dev.portico.metadata.FieldInfos}), DRF's OPTIONS metadata ({@link dev.portico.metadata.Metadata})
 * and the model of the browsable API's page ({@link dev.portico.metadata.ApiPage}, rendered by a
 * {@link dev.portico.metadata.PageRenderer}).
 */
package dev.portico.metadata;
