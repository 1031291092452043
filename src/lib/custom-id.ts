/**
 * "<command>:<action>:<args…>", the custom id of a button or select. In src/lib so that
 * cards (src/lib) and commands (src/commands) can both build one without lib importing commands.
 */
export function customId(command: string, action: string, ...args: (string | number)[]): string {
  const id = [command, action, ...args].join(":");
  if (id.length > 100) throw new Error(`custom_id too long (${id.length}): ${id}`);
  return id;
}
