/**
 * The language model generation walks: title and sentence templates and word choices in context,
 * with weights. Its exact shape is owned by the generator (see README, "The model").
 */
export interface LanguageModel {
  version: 1;
}
