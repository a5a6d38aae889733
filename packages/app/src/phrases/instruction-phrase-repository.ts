/**
 * 常用批示语 in storage: one ordered list per person. `null` when the person never set one (the
 * product then offers its defaults), an empty list when they removed every phrase.
 */
export interface InstructionPhraseRepository {
  listOf(personId: string): Promise<string[] | null>
  save(personId: string, phrases: readonly string[], at: string): Promise<void>
}
