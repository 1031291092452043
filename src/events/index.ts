import { interactionCreate } from "./interactionCreate.ts";
import { ready } from "./ready.ts";

export const events = [ready, interactionCreate];
