/**
 * Discord's hard limits on what a message may carry. Lengths are counted the
 * way Discord counts them: in Unicode code points, not UTF-16 units.
 */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author name of all embeds together. */
  embedTotal: 6000,
  actionRows: 5,
  rowButtons: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionText: 100,
  selectPlaceholder: 150,
  choiceName: 100,
  choiceValue: 100,
  autocompleteChoices: 25,
} as const;
