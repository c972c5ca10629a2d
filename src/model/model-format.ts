/**
 * The model file's format number. Bump it whenever `Model` (or the language model inside it)
 * changes shape: older files then get a clear "rebuild" error instead of a crash in generation.
 */
export const MODEL_FORMAT = 3;

/** Tag of the JSON envelope, so a random JSON file is not mistaken for a model. */
export const MODEL_FILE_TAG = 'webxcreta-model';

/** File name of the harvested corpus's model inside the state directory. */
export const MODEL_FILE_NAME = 'model.json';
