/**
 * The model file's format number. Bump it whenever `Model` (or the language model inside it)
 * changes shape: older files then get a clear "rebuild" error instead of a crash in generation.
 * 4: the binary model file (`model.bin`, see store/model-file.ts) replaced the JSON document.
 */
export const MODEL_FORMAT = 4;

/** Tag in the model file's footer, so another file is not mistaken for a model. */
export const MODEL_FILE_TAG = 'webxcreta-model';

/** File name of the harvested corpus's model inside the state directory. */
export const MODEL_FILE_NAME = 'model.bin';
