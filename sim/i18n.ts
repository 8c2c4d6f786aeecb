// Game page texts. Unknown languages fall back to English, per key as well.
export type TextKey =
  | "balance"
  | "bet"
  | "spin"
  | "win"
  | "lastWin"
  | "paytable"
  | "close"
  | "freeSpins"
  | "freeSpin"
  | "bonus"
  | "goodLuck"
  | "demo"
  | "lines"
  | "scatterRule"
  | "wildRule"
  | "busy"
  | "err1"
  | "err2"
  | "err4"
  | "err5"
  | "err8"
  | "err10"
  | "err11"
  | "err14"
  | "errNet";

type Texts = Record<TextKey, string>;

const eng: Texts = {
  balance: "Balance",
  bet: "Bet",
  spin: "Spin",
  win: "Win",
  lastWin: "Last win",
  paytable: "Paytable",
  close: "Close",
  freeSpins: "Free spins",
  freeSpin: "Free spin",
  bonus: "BONUS! 8 free spins, all wins x2",
  goodLuck: "Good luck!",
  demo: "Demo mode",
  lines: "10 lines, pays left to right",
  scatterRule: "3+ scatters anywhere pay and start 8 free spins with all wins doubled",
  wildRule: "WILD substitutes for every symbol except SCATTER",
  busy: "Spinning…",
  err1: "Something went wrong on the casino side. Please try again.",
  err2: "Not enough money for this bet. Lower the bet or top up your balance.",
  err4: "Your account is blocked. Please contact support.",
  err5: "This round is already closed.",
  err8: "This round was not found.",
  err10: "The casino rejected the request signature.",
  err11: "Player not found.",
  err14: "Your game session has expired. Please reopen the game.",
  errNet: "Connection problem. Check your network and try again.",
};

const rus: Partial<Texts> = {
  balance: "Баланс",
  bet: "Ставка",
  spin: "Крутить",
  win: "Выигрыш",
  lastWin: "Последний выигрыш",
  paytable: "Таблица выплат",
  close: "Закрыть",
  freeSpins: "Бесплатные вращения",
  freeSpin: "Бесплатное вращение",
  bonus: "БОНУС! 8 бесплатных вращений, выигрыши x2",
  goodLuck: "Удачи!",
  demo: "Демо-режим",
  lines: "10 линий, выплаты слева направо",
  scatterRule: "3+ скаттера в любом месте платят и дают 8 бесплатных вращений с удвоением",
  wildRule: "WILD заменяет любой символ, кроме SCATTER",
  busy: "Вращение…",
  err1: "Ошибка на стороне казино. Попробуйте ещё раз.",
  err2: "Недостаточно средств для этой ставки. Уменьшите ставку или пополните баланс.",
  err4: "Ваш аккаунт заблокирован. Обратитесь в поддержку.",
  err14: "Игровая сессия истекла. Откройте игру заново.",
  errNet: "Проблема со связью. Проверьте сеть и попробуйте снова.",
};

const deu: Partial<Texts> = {
  balance: "Guthaben",
  bet: "Einsatz",
  spin: "Drehen",
  win: "Gewinn",
  lastWin: "Letzter Gewinn",
  paytable: "Gewinntabelle",
  close: "Schließen",
  freeSpins: "Freispiele",
  freeSpin: "Freispiel",
  bonus: "BONUS! 8 Freispiele, alle Gewinne x2",
  goodLuck: "Viel Glück!",
  demo: "Demomodus",
  lines: "10 Linien, Gewinne von links nach rechts",
  scatterRule: "3+ Scatter überall zahlen und starten 8 Freispiele mit doppelten Gewinnen",
  wildRule: "WILD ersetzt jedes Symbol außer SCATTER",
  busy: "Dreht…",
  err1: "Beim Casino ist ein Fehler aufgetreten. Bitte erneut versuchen.",
  err2: "Nicht genug Guthaben für diesen Einsatz.",
  err4: "Ihr Konto ist gesperrt. Bitte wenden Sie sich an den Support.",
  err14: "Ihre Spielsitzung ist abgelaufen. Bitte öffnen Sie das Spiel erneut.",
  errNet: "Verbindungsproblem. Bitte erneut versuchen.",
};

const spa: Partial<Texts> = {
  balance: "Saldo",
  bet: "Apuesta",
  spin: "Girar",
  win: "Premio",
  lastWin: "Último premio",
  paytable: "Tabla de pagos",
  close: "Cerrar",
  freeSpins: "Giros gratis",
  freeSpin: "Giro gratis",
  bonus: "¡BONO! 8 giros gratis, premios x2",
  goodLuck: "¡Buena suerte!",
  demo: "Modo demo",
  err2: "Saldo insuficiente para esta apuesta.",
  err14: "Tu sesión de juego ha caducado. Vuelve a abrir el juego.",
};

const fra: Partial<Texts> = {
  balance: "Solde",
  bet: "Mise",
  spin: "Lancer",
  win: "Gain",
  lastWin: "Dernier gain",
  paytable: "Table des gains",
  close: "Fermer",
  freeSpins: "Tours gratuits",
  freeSpin: "Tour gratuit",
  bonus: "BONUS ! 8 tours gratuits, gains x2",
  goodLuck: "Bonne chance !",
  demo: "Mode démo",
  err2: "Solde insuffisant pour cette mise.",
  err14: "Votre session de jeu a expiré. Rouvrez le jeu.",
};

const LANGS: Record<string, Partial<Texts>> = { eng, rus, deu, spa, fra };
export function textsFor(language: string): Texts {
  return { ...eng, ...(LANGS[language] ?? {}) };
}

/** HTML lang attribute for the 3-letter code. */
export const htmlLang = (language: string): string =>
  ({ eng: "en", rus: "ru", deu: "de", spa: "es", fra: "fr", por: "pt", tur: "tr" })[language] ?? "en";
