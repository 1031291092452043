// Español: /vincular, /desvincular y /cuenta (/link, /unlink, /account).
import type { Area } from "../en.ts";

export const account: Area<"account"> = {
  messages: {
    "account.link.title": "Vincula tu cuenta de Film Fanatic",
    "account.link.description":
      "Abre la página de vinculación, inicia sesión en Film Fanatic y confirma. Lo que registraste aquí pasa a tu biblioteca web (si ambas tienen un título, gana el cambio más reciente; los episodios vistos se combinan).\n\nEl botón funciona una vez y caduca {expires}. Es solo para ti: no lo compartas.\nEn la página, tu código es `{code}`.",
    "account.link.already": "Ahora estás vinculado a **{name}**; vincular otra cuenta cambia el vínculo (te lo preguntaremos antes).",
    "account.link.button.open": "Abrir la página de vinculación",
    "account.unlink.notLinked": "No estás vinculado a ninguna cuenta de Film Fanatic. `/vincular` vincula una.",
    "account.unlink.question":
      "¿Desvincular **{name}**? Tu biblioteca web lo conserva todo, pero aquí en Discord empezarás de nuevo con un perfil solo de Discord vacío. `/vincular` vuelve a vincularla más tarde.",
    "account.unlink.button.confirm": "Desvincular",
    "account.unlink.button.cancel": "Mantener el vínculo",
    "account.unlink.done":
      "Desvinculado de **{name}**. Tu biblioteca web lo conserva todo; desde ahora, lo que registres aquí empieza un perfil nuevo solo de Discord. `/vincular` vuelve a vincularla.",
    "account.unlink.yourAccount": "tu cuenta de Film Fanatic",
    "account.unlink.busy":
      "Tu historial de Discord aún se está pasando a tu biblioteca web. Inténtalo de nuevo en un minuto (`/cuenta` muestra cuánto falta).",
    "account.unlink.kept": "Sigues vinculado a **{name}**: no ha cambiado nada.",
    "account.title": "Tu cuenta de Film Fanatic",
    "account.field.account": "Cuenta",
    "account.field.stored": "Guardado",
    "account.field.merge": "Pasando tu historial de Discord",
    "account.notLinked": "Sin vincular: tienes un perfil solo de Discord. `/vincular` vincula tu cuenta web de Film Fanatic.",
    "account.linked":
      "Vinculado a **{name}**{oauth, select, true { (iniciaste sesión en Film Fanatic con Discord)} other {}}. `/desvincular` la desvincula.",
    "account.stored":
      "Títulos: {titles}\nEpisodios vistos: {episodes, number}\nListas propias: {lists, number}\nRecordatorios: {reminders, plural, one {# serie} many {# series} other {# series}}\nWatch parties: {parties, number}",
    "account.atLeast": "{count, number}+",
    "account.button.export": "Exportar mis datos",
    "account.button.letterboxd": "CSV de Letterboxd",
    "account.button.trakt": "JSON de Trakt",
    "account.button.import": "Importar",
    "account.button.delete": "Borrar mis datos de Discord…",
    "account.button.resume": "Reanudar el traspaso",
    "account.delete.title": "¿Borrar tus datos de Discord?",
    "account.delete.description":
      "Esto borra tu registro de cuenta de Discord, los códigos de vinculación pendientes y tus membresías en watch parties y, si no estás vinculado, todo lo que registraste aquí. Una cuenta web de Film Fanatic vinculada conserva su biblioteca (bórrala en la web). No se puede deshacer.",
    "account.delete.button.confirm": "Sí, borrarlo",
    "account.delete.button.cancel": "Conservar mis datos",
    "account.delete.nothing": "No había nada guardado sobre ti.",
    "account.delete.deleting":
      "🗑️ Borré tu registro de cuenta de Discord; tu biblioteca solo de Discord se está borrando en segundo plano.",
    "account.delete.deletedAll": "🗑️ Borré tus datos de Discord y todo lo que registraste aquí.",
    "account.delete.deletedLinked": "🗑️ Borré tus datos de Discord. Tu cuenta web vinculada conserva su biblioteca.",
    "account.resume.done": "Reanudé el traspaso de tu historial de Discord; `/cuenta` muestra cuánto falta.",
    "account.resume.nothing": "No había nada que reanudar.",
    "account.size.mb": "{size, number, ::.0} MB",
    "account.size.kb": "{size, number} KB",
    "account.export.busy": "📦 Ya estoy preparando tu exportación: llegará aquí en cuanto esté lista. Una exportación a la vez, por favor.",
    "account.export.tooLarge":
      "📦 Tu exportación ocupa {size} (incluso comprimida supera los {limit} que Discord deja adjuntar al bot aquí), así que no se puede enviar como archivo. La web de Film Fanatic tiene tu biblioteca si la vinculaste (`/vincular`).",
    "account.export.complete": "📦 Todo lo que Film Fanatic guarda sobre ti.",
    "account.export.partial": "📦 Tu exportación es muy grande; este archivo contiene su primera parte.",
    "account.export.gzip": "Comprimida (gzip) para caber en el límite de tamaño de Discord.",
    "account.exportAs.tooLarge":
      "📦 Esa exportación ocupa {size}, más de los {limit} que Discord deja adjuntar al bot aquí, así que no se puede enviar como archivo.",
    "account.exportAs.letterboxd":
      "📦 {titles, plural, one {# película} many {# películas} other {# películas}} en el formato de importación de Letterboxd: sube el archivo de películas en letterboxd.com/import, y el de la watchlist (si hay uno) en la página de importación de tu watchlist. A Letterboxd solo van películas.",
    "account.exportAs.trakt":
      "📦 {titles, plural, one {# título} many {# títulos} other {# títulos}} en el formato de exportación de Trakt (películas y episodios vistos, lista de pendientes, valoraciones 10 / 7 / 5 / 2 para me encantó / me gustó / regular / no es para mí).",
    "account.exportAs.partial": "Tu biblioteca es muy grande; esto contiene su primera parte.",
  },
  commands: {},
};
